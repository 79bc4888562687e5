import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class SignUpDto {
  @IsString()
  @Length(1, 200)
  companyName!: string;

  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as FR or RO' })
  country!: string;

  @IsIn(['fr-crm', 'ro-crm'])
  catalog!: 'fr-crm' | 'ro-crm';

  @IsString()
  @Length(1, 64)
  signupChannel!: string;

  @IsOptional()
  @IsIn(['fr', 'ro', 'en'])
  locale?: 'fr' | 'ro' | 'en';
}
