import { Locale, LOCALES } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface AnnounceTrialEndingInput {
  accountId: string;
  subscriptionId: string;
  /** The account's language at sign-up, when it was known. */
  locale?: Locale;
}

/** Announce that a trial ends in 10 days (B6); built from the `subscriptions.trial-ending-notice` job. */
export class AnnounceTrialEndingCommand implements AnnounceTrialEndingInput {
  readonly accountId!: string;
  readonly subscriptionId!: string;
  readonly locale?: Locale;

  private constructor(input: Readonly<AnnounceTrialEndingInput>) {
    Object.assign(this, input);
  }

  static create(input: AnnounceTrialEndingInput): AnnounceTrialEndingCommand {
    return new AnnounceTrialEndingCommand(
      checkCommand('announce trial ending', input)
        .uuid('accountId')
        .uuid('subscriptionId')
        .that('locale', input.locale === undefined || LOCALES.includes(input.locale), `must be one of ${LOCALES.join(', ')}`)
        .valid(),
    );
  }
}
