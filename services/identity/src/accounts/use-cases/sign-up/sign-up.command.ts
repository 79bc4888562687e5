import {
  CATALOG_CODES,
  CatalogCode,
  COUNTRY_CODE_PATTERN,
  Locale,
  LOCALES,
  NAME_MAX_LENGTH,
  SIGNUP_CHANNEL_MAX_LENGTH,
  SIGNUP_CHANNEL_PATTERN,
} from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';
import { PASSWORD_MAX_LENGTH } from '../../../credentials/password-policy';

export interface SignUpInput {
  companyName: string;
  email: string;
  password: string;
  country: string;
  catalog: CatalogCode;
  signupChannel: string;
  /** Unset: Romanian for ro-crm or Romania, French for France, English otherwise. */
  locale?: Locale;
  /** The test clock the account lives on (only where test clocks are enabled). */
  testClockId?: string;
}

const defaultLocale = (catalog: CatalogCode, country: string): Locale =>
  catalog === 'ro-crm' || country === 'RO' ? 'ro' : country === 'FR' ? 'fr' : 'en';

/** A sign-up, however it arrived: the data a new account and its owner are made from (A1). */
export class SignUpCommand implements SignUpInput {
  readonly companyName!: string;
  readonly email!: string;
  readonly password!: string;
  readonly country!: string;
  readonly catalog!: CatalogCode;
  readonly signupChannel!: string;
  readonly locale!: Locale;
  readonly testClockId?: string;

  private constructor(input: Readonly<Required<Omit<SignUpInput, 'testClockId'>> & Pick<SignUpInput, 'testClockId'>>) {
    Object.assign(this, input);
  }

  static create(input: SignUpInput): SignUpCommand {
    const trimmed = {
      ...input,
      companyName: input.companyName?.trim(),
      email: input.email?.trim(),
      locale: input.locale ?? defaultLocale(input.catalog, input.country),
    };
    return new SignUpCommand(
      checkCommand('sign up', trimmed)
        .text('companyName', NAME_MAX_LENGTH)
        .email('email')
        .string('password', PASSWORD_MAX_LENGTH)
        .that('country', new RegExp(COUNTRY_CODE_PATTERN).test(String(trimmed.country)), 'must be an ISO 3166-1 alpha-2 code')
        .oneOf('catalog', CATALOG_CODES)
        .string('signupChannel', SIGNUP_CHANNEL_MAX_LENGTH)
        .that('signupChannel', new RegExp(SIGNUP_CHANNEL_PATTERN).test(String(trimmed.signupChannel)), 'is not a channel name')
        .oneOf('locale', LOCALES)
        .optionalUuid('testClockId')
        .valid(),
    );
  }
}
