import { checkCommand } from '@obolus/platform';

/** Read the users of one account. */
export class ListUsersCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<{ accountId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string }): ListUsersCommand {
    return new ListUsersCommand(checkCommand('list users', input).uuid('accountId').valid());
  }
}
