import { SignUpDto } from '../../dto/sign-up.dto';

/** A sign-up, however it arrived: the data a new account and its owner are made from. */
export interface SignUpCommand {
  companyName: string;
  email: string;
  password: string;
  country: string;
  catalog: 'fr-crm' | 'ro-crm';
  signupChannel: string;
  locale: 'fr' | 'ro' | 'en';
}

const defaultLocale = (catalog: SignUpCommand['catalog'], country: string): SignUpCommand['locale'] =>
  catalog === 'ro-crm' || country === 'RO' ? 'ro' : country === 'FR' ? 'fr' : 'en';

export function signUpCommandFrom(dto: SignUpDto): SignUpCommand {
  return {
    companyName: dto.companyName.trim(),
    email: dto.email.trim(),
    password: dto.password,
    country: dto.country,
    catalog: dto.catalog,
    signupChannel: dto.signupChannel,
    locale: dto.locale ?? defaultLocale(dto.catalog, dto.country),
  };
}
