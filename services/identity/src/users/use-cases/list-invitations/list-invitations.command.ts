import { checkCommand } from '@obolus/platform';

/** Read the open invitations of one account. */
export class ListInvitationsCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<{ accountId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string }): ListInvitationsCommand {
    return new ListInvitationsCommand(checkCommand('list invitations', input).uuid('accountId').valid());
  }
}
