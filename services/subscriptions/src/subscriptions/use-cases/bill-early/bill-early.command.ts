import { checkCommand } from '@obolus/platform';

export interface BillEarlyInput {
  accountId: string;
}

/** Staff bill an account's next period ahead of its schedule (B4). */
export class BillEarlyCommand implements BillEarlyInput {
  readonly accountId!: string;

  private constructor(input: Readonly<BillEarlyInput>) {
    Object.assign(this, input);
  }

  static create(input: BillEarlyInput): BillEarlyCommand {
    return new BillEarlyCommand(checkCommand('bill early', input).uuid('accountId').valid());
  }
}
