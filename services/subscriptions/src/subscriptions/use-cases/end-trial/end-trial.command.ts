import { checkCommand } from '@obolus/platform';

export interface EndTrialInput {
  accountId: string;
  subscriptionId: string;
  /** The instant the trial ends (the job's due instant): the start of the day after its last day. */
  endsAt: Date;
}

/** End a trial that ran out (T3); built from the `subscriptions.trial-end` job. */
export class EndTrialCommand implements EndTrialInput {
  readonly accountId!: string;
  readonly subscriptionId!: string;
  readonly endsAt!: Date;

  private constructor(input: Readonly<EndTrialInput>) {
    Object.assign(this, input);
  }

  static create(input: EndTrialInput): EndTrialCommand {
    return new EndTrialCommand(
      checkCommand('end trial', input).uuid('accountId').uuid('subscriptionId').instant('endsAt').valid(),
    );
  }
}
