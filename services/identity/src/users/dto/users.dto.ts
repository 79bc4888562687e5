import { ApiProperty } from '@nestjs/swagger';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from '@obolus/contracts';
import { IsEmailAddress, IsSingleLineText } from '@obolus/platform';
import { IsIn, IsString, Length } from 'class-validator';
import { IsStrongPassword } from '../../credentials/password-policy';

export class ChangeRoleDto {
  @ApiProperty({ enum: ['owner', 'admin', 'user'] })
  @IsIn(['owner', 'admin', 'user'])
  role!: 'owner' | 'admin' | 'user';
}

export class InviteUserDto {
  @ApiProperty({ example: 'mihai@example.ro', maxLength: EMAIL_MAX_LENGTH })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ enum: ['admin', 'user'] })
  @IsIn(['admin', 'user'])
  role!: 'admin' | 'user';
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @Length(1, 200)
  token!: string;

  @ApiProperty({ format: 'password', minLength: 12 })
  @IsStrongPassword()
  password!: string;

  @ApiProperty({ example: 'Mihai Popescu', maxLength: NAME_MAX_LENGTH })
  @IsSingleLineText()
  name!: string;
}

export class AccountMemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ enum: ['owner', 'admin', 'user'] }) role!: 'owner' | 'admin' | 'user';
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
}

export class InvitationView {
  @ApiProperty({ format: 'uuid' }) invitationId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['admin', 'user'] }) role!: 'admin' | 'user';
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class JoinedView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
}
