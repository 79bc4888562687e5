import { AccountCreatedV1Data } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export type RecordAccountProfileInput = Pick<AccountCreatedV1Data, 'accountId' | 'country' | 'createdAt'>;

/** Remember an account's country, which decides the bank debits it is offered. */
export class RecordAccountProfileCommand {
  readonly accountId!: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country!: string;
  readonly createdAt!: string;

  private constructor(input: Readonly<RecordAccountProfileInput>) {
    Object.assign(this, input);
  }

  static create({ accountId, country, createdAt }: RecordAccountProfileInput): RecordAccountProfileCommand {
    return new RecordAccountProfileCommand(
      checkCommand('record account profile', { accountId, country, createdAt })
        .uuid('accountId')
        .that('country', typeof country === 'string' && /^[A-Z]{2}$/.test(country), 'must be an ISO 3166-1 alpha-2 code')
        .instant('createdAt')
        .valid(),
    );
  }
}
