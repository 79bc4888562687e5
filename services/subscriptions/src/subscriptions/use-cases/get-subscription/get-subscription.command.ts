import { checkCommand } from '@obolus/platform';

/** Read one account's subscription. */
export class GetSubscriptionCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<{ accountId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string }): GetSubscriptionCommand {
    return new GetSubscriptionCommand(checkCommand('get subscription', input).uuid('accountId').valid());
  }
}
