import { checkCommand } from '@obolus/platform';
import { checkStaffActor, StaffActor } from '@obolus/operations';

export interface BillEarlyInput extends StaffActor {
  accountId: string;
}

/** Staff bill an account's next period ahead of its schedule (B4), saying why. */
export class BillEarlyCommand implements BillEarlyInput {
  readonly accountId!: string;
  readonly staffUserId!: string;
  readonly staffEmail!: string;
  readonly reason!: string;

  private constructor(input: Readonly<BillEarlyInput>) {
    Object.assign(this, input);
  }

  static create(input: BillEarlyInput): BillEarlyCommand {
    return new BillEarlyCommand(checkStaffActor(checkCommand('bill early', input).uuid('accountId'), input).valid());
  }
}
