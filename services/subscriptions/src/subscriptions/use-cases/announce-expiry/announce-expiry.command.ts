import { checkCommand } from '@obolus/platform';

export interface AnnounceExpiryInput {
  accountId: string;
  subscriptionId: string;
  /** The period end the job was planned for: a job of a period that changed since does nothing. */
  periodEnd: string;
  /** The job's due instant: the business time of what it does. */
  dueAt: Date;
}

/** Announce that a prepaid period ends in 10 days (B6); built from the notice job. */
export class AnnounceExpiryCommand implements AnnounceExpiryInput {
  readonly accountId!: string;
  readonly subscriptionId!: string;
  readonly periodEnd!: string;
  readonly dueAt!: Date;

  private constructor(input: Readonly<AnnounceExpiryInput>) {
    Object.assign(this, input);
  }

  static create(input: AnnounceExpiryInput): AnnounceExpiryCommand {
    return new AnnounceExpiryCommand(
      checkCommand('announce expiry', input)
        .uuid('accountId')
        .uuid('subscriptionId')
        .isoDate('periodEnd')
        .instant('dueAt')
        .valid(),
    );
  }
}
