import { ApiProperty } from '@nestjs/swagger';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, Role, ROLES } from '@obolus/contracts';
import { IsEmailAddress, IsSingleLineText } from '@obolus/platform';
import { IsIn, IsString, Length } from 'class-validator';
import { IsStrongPassword } from '../../credentials/password-policy';

/** The roles an invitation can give: an owner is made by changing a member's role. */
export type InvitableRole = Exclude<Role, 'owner'>;
export const INVITABLE_ROLES: readonly InvitableRole[] = ['admin', 'user'];

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class InviteUserDto {
  @ApiProperty({ example: 'mihai@example.ro', maxLength: EMAIL_MAX_LENGTH })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ enum: INVITABLE_ROLES })
  @IsIn(INVITABLE_ROLES)
  role!: InvitableRole;
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
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
}

export class InvitationView {
  @ApiProperty({ format: 'uuid' }) invitationId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: INVITABLE_ROLES }) role!: InvitableRole;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class JoinedView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
}
