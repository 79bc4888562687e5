import { checkCommand } from '@obolus/platform';

export interface ListPaymentsInput {
  accountId: string;
}

/** The account's payments, newest first. */
export class ListPaymentsCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<ListPaymentsInput>) {
    Object.assign(this, input);
  }

  static create(input: ListPaymentsInput): ListPaymentsCommand {
    return new ListPaymentsCommand(checkCommand('list payments', input).uuid('accountId').valid());
  }
}
