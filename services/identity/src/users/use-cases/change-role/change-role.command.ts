import { Role, ROLES } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface ChangeRoleInput {
  accountId: string;
  userId: string;
  role: Role;
  actorUserId: string;
  actorRole: Role;
  clientIp: string;
}

/** An owner or admin gives a user of the account another role (A2). */
export class ChangeRoleCommand implements ChangeRoleInput {
  readonly accountId!: string;
  readonly userId!: string;
  readonly role!: Role;
  readonly actorUserId!: string;
  readonly actorRole!: Role;
  readonly clientIp!: string;

  private constructor(input: Readonly<ChangeRoleInput>) {
    Object.assign(this, input);
  }

  static create(input: ChangeRoleInput): ChangeRoleCommand {
    return new ChangeRoleCommand(
      checkCommand('change role', input)
        .uuid('accountId')
        .uuid('userId')
        .oneOf('role', ROLES)
        .uuid('actorUserId')
        .oneOf('actorRole', ROLES)
        .string('clientIp')
        .valid(),
    );
  }
}
