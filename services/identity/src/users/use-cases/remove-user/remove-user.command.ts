import { Role, ROLES } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface RemoveUserInput {
  accountId: string;
  userId: string;
  actorUserId: string;
  actorRole: Role;
  clientIp: string;
}

/** An owner or admin removes a user from the account, freeing the seat (B5). */
export class RemoveUserCommand implements RemoveUserInput {
  readonly accountId!: string;
  readonly userId!: string;
  readonly actorUserId!: string;
  readonly actorRole!: Role;
  readonly clientIp!: string;

  private constructor(input: Readonly<RemoveUserInput>) {
    Object.assign(this, input);
  }

  static create(input: RemoveUserInput): RemoveUserCommand {
    return new RemoveUserCommand(
      checkCommand('remove user', input)
        .uuid('accountId')
        .uuid('userId')
        .uuid('actorUserId')
        .oneOf('actorRole', ROLES)
        .string('clientIp')
        .valid(),
    );
  }
}
