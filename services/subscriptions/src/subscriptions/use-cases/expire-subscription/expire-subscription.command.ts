import { checkCommand } from '@obolus/platform';

export interface ExpireSubscriptionInput {
  accountId: string;
  subscriptionId: string;
  /** The period end the job was planned for: a job of a period that changed since does nothing. */
  periodEnd: string;
  /** The job's due instant: the business time of what it does. */
  dueAt: Date;
}

/** End a prepaid period that was not extended (B3); built from the expiry job. */
export class ExpireSubscriptionCommand implements ExpireSubscriptionInput {
  readonly accountId!: string;
  readonly subscriptionId!: string;
  readonly periodEnd!: string;
  readonly dueAt!: Date;

  private constructor(input: Readonly<ExpireSubscriptionInput>) {
    Object.assign(this, input);
  }

  static create(input: ExpireSubscriptionInput): ExpireSubscriptionCommand {
    return new ExpireSubscriptionCommand(
      checkCommand('expire subscription', input)
        .uuid('accountId')
        .uuid('subscriptionId')
        .isoDate('periodEnd')
        .instant('dueAt')
        .valid(),
    );
  }
}
