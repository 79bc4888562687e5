import { checkCommand } from '@obolus/platform';

/** One account's supplier invoices, or one of them. */
export class ListIncomingInvoicesCommand {
  readonly accountId!: string;
  readonly id?: string;

  private constructor(input: Readonly<{ accountId: string; id?: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string; id?: string }): ListIncomingInvoicesCommand {
    const check = checkCommand('list incoming invoices', input).uuid('accountId');
    return new ListIncomingInvoicesCommand(input.id === undefined ? check.valid() : check.uuid('id').valid());
  }
}
