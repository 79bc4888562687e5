import { checkCommand } from '@obolus/platform';

/** Read one account's billing details. */
export class GetBillingDetailsCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<{ accountId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string }): GetBillingDetailsCommand {
    return new GetBillingDetailsCommand(checkCommand('get billing details', input).uuid('accountId').valid());
  }
}
