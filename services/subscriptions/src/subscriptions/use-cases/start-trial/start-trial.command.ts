import { AccountCreatedV1Data, CATALOG_CODES, LOCALES } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export type StartTrialInput = Pick<AccountCreatedV1Data, 'accountId' | 'catalog' | 'signupChannel' | 'createdAt'> &
  Partial<Pick<AccountCreatedV1Data, 'locale' | 'ownerEmail' | 'country'>>;

/** Start the trial of a newly created account. */
export class StartTrialCommand {
  readonly accountId!: string;
  readonly catalog!: StartTrialInput['catalog'];
  readonly signupChannel!: string;
  /** When the account was created: the trial starts that day, in the catalog's time zone. */
  readonly createdAt!: string;
  /** The account's language at sign-up, kept on the notice before the trial ends (B6). */
  readonly locale?: StartTrialInput['locale'];
  /** The owner, to whom the notices go (B6). */
  readonly ownerEmail?: string;
  /** The account's country, which decides the bank debits it may buy with (P1). */
  readonly country?: string;

  private constructor(input: Readonly<StartTrialInput>) {
    Object.assign(this, input);
  }

  static create(input: StartTrialInput): StartTrialCommand {
    return new StartTrialCommand(
      checkCommand('start trial', input)
        .uuid('accountId')
        .oneOf('catalog', CATALOG_CODES)
        .string('signupChannel', 64)
        .instant('createdAt')
        .that(
          'ownerEmail',
          input.ownerEmail === undefined || /^[^@\s]+@[^@\s]+$/.test(input.ownerEmail),
          'must be an e-mail address',
        )
        .that('country', input.country === undefined || /^[A-Z]{2}$/.test(input.country), 'must be an ISO 3166-1 alpha-2 code')
        .that('locale', input.locale === undefined || LOCALES.includes(input.locale), `must be one of ${LOCALES.join(', ')}`)
        .valid(),
    );
  }
}
