import { checkCommand } from '@obolus/platform';

export interface StopAccountBillingInput {
  accountId: string;
}

/** The owner closed the account (account.closure-requested): this service bills and schedules it no more. */
export class StopAccountBillingCommand implements StopAccountBillingInput {
  readonly accountId!: string;

  private constructor(input: Readonly<StopAccountBillingInput>) {
    Object.assign(this, input);
  }

  static create(input: StopAccountBillingInput): StopAccountBillingCommand {
    return new StopAccountBillingCommand(checkCommand('stop account billing', input).uuid('accountId').valid());
  }
}
