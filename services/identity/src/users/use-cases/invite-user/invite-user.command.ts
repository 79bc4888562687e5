import { Role, ROLES } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';
import { INVITABLE_ROLES, InvitableRole } from '../../dto/users.dto';

export interface InviteUserInput {
  accountId: string;
  email: string;
  role: InvitableRole;
  actorUserId: string;
  actorRole: Role;
  clientIp: string;
}

/** An owner or admin invites someone to the account by e-mail. */
export class InviteUserCommand implements InviteUserInput {
  readonly accountId!: string;
  readonly email!: string;
  readonly role!: InvitableRole;
  readonly actorUserId!: string;
  readonly actorRole!: Role;
  readonly clientIp!: string;

  private constructor(input: Readonly<InviteUserInput>) {
    Object.assign(this, input);
  }

  static create(input: InviteUserInput): InviteUserCommand {
    const trimmed = { ...input, email: input.email?.trim() };
    return new InviteUserCommand(
      checkCommand('invite user', trimmed)
        .uuid('accountId')
        .email('email')
        .oneOf('role', INVITABLE_ROLES)
        .uuid('actorUserId')
        .oneOf('actorRole', ROLES)
        .string('clientIp')
        .valid(),
    );
  }
}
