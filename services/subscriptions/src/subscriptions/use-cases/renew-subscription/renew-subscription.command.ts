import { checkCommand } from '@obolus/platform';

export interface RenewSubscriptionInput {
  accountId: string;
  subscriptionId: string;
  /** The period end the job was planned for: a job of a period that changed since does nothing. */
  periodEnd: string;
  /** The job's due instant: the business time of what it does. */
  dueAt: Date;
}

/** Bill the next period of a monthly or annual subscription (B1); built from the renewal job. */
export class RenewSubscriptionCommand implements RenewSubscriptionInput {
  readonly accountId!: string;
  readonly subscriptionId!: string;
  readonly periodEnd!: string;
  readonly dueAt!: Date;

  private constructor(input: Readonly<RenewSubscriptionInput>) {
    Object.assign(this, input);
  }

  static create(input: RenewSubscriptionInput): RenewSubscriptionCommand {
    return new RenewSubscriptionCommand(
      checkCommand('renew subscription', input)
        .uuid('accountId')
        .uuid('subscriptionId')
        .isoDate('periodEnd')
        .instant('dueAt')
        .valid(),
    );
  }
}
