import { checkCommand } from '@obolus/platform';

/** List one account's invoices, newest first. */
export class ListInvoicesCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<{ accountId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string }): ListInvoicesCommand {
    return new ListInvoicesCommand(checkCommand('list invoices', input).uuid('accountId').valid());
  }
}
