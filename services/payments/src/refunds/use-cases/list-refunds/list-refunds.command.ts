import { checkCommand } from '@obolus/platform';

export interface ListRefundsInput {
  accountId: string;
}

/** The account's refunds. */
export class ListRefundsCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<ListRefundsInput>) {
    Object.assign(this, input);
  }

  static create(input: ListRefundsInput): ListRefundsCommand {
    return new ListRefundsCommand(checkCommand('list refunds', input).uuid('accountId').valid());
  }
}
