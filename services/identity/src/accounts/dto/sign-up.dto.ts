import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CATALOG_CODES,
  CatalogCode,
  EMAIL_MAX_LENGTH,
  Locale,
  LOCALES,
  NAME_MAX_LENGTH,
  SIGNUP_CHANNEL_MAX_LENGTH,
  SIGNUP_CHANNEL_PATTERN,
} from '@obolus/contracts';
import { IsCountryCode, IsEmailAddress, IsSignupChannel, IsSingleLineText } from '@obolus/platform';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsStrongPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../credentials/password-policy';

export class SignUpDto {
  @ApiProperty({ example: 'Atelier Dupont', maxLength: NAME_MAX_LENGTH })
  @IsSingleLineText()
  companyName!: string;

  @ApiProperty({
    example: 'owner@atelier-dupont.fr',
    maxLength: EMAIL_MAX_LENGTH,
    description: 'Unique across Obolus, whatever its case',
  })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'At least 12 characters, 5 of them different, not a common password, not containing the e-mail address',
  })
  @IsStrongPassword()
  password!: string;

  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  country!: string;

  @ApiProperty({ enum: CATALOG_CODES, description: 'The catalog, and with it the seller entity' })
  @IsIn(CATALOG_CODES)
  catalog!: CatalogCode;

  @ApiProperty({
    example: 'partner',
    pattern: SIGNUP_CHANNEL_PATTERN,
    maxLength: SIGNUP_CHANNEL_MAX_LENGTH,
    description: 'Decides the trial length (T1); a channel the catalog does not know gets its default trial',
  })
  @IsSignupChannel()
  signupChannel!: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A test clock (POST /test-clocks on subscriptions) the account lives on, in every service; only where OBOLUS_TEST_CLOCKS=enabled',
  })
  @IsOptional()
  @IsUUID()
  testClockId?: string;
}

export class SignUpResultView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) ownerUserId!: string;
}

export class CloseAccountDto {
  @ApiProperty({ format: 'password', description: "The owner's password, asked again" })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ClosureView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ enum: ['blocked'] }) status!: 'blocked';
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the data is purged' }) purgeAfter!: string;
}
