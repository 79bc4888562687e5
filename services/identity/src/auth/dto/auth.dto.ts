import { Locale } from '@obolus/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { IsStrongPassword, PASSWORD_MAX_LENGTH } from '../../credentials/password-policy';

export class SignInDto {
  @ApiProperty({ example: 'ana@example.ro' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token of the last pair; it can be used once' })
  @IsString()
  @Length(1, 200)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: 12, maxLength: PASSWORD_MAX_LENGTH })
  @IsStrongPassword()
  newPassword!: string;
}

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'ana@example.ro' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token from the e-mailed link' })
  @IsString()
  @Length(1, 200)
  token!: string;

  @ApiProperty({ format: 'password', minLength: 12, maxLength: PASSWORD_MAX_LENGTH })
  @IsStrongPassword()
  newPassword!: string;
}

export class SignInResult {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ example: 900 }) expiresIn!: number;
  @ApiProperty() refreshToken!: string;
  @ApiProperty() refreshExpiresIn!: number;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: ['owner', 'admin', 'user'] }) role!: 'owner' | 'admin' | 'user';
  @ApiProperty({ format: 'email', description: 'The address of the user, as stored' }) email!: string;
  @ApiProperty({ enum: ['fr', 'ro', 'en'], description: "The account's language (documents, e-mails, the portal)" })
  language!: Locale;
}
