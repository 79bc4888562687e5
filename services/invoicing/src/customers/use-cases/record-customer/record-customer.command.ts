import { AccountCreatedV1Data, CATALOG_CODES, LOCALES } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';
import { isCountryCode } from '../../../iso-codes';

export type RecordCustomerInput = Pick<
  AccountCreatedV1Data,
  'accountId' | 'companyName' | 'ownerEmail' | 'country' | 'catalog' | 'locale' | 'createdAt'
>;

/** Remember who an account is: its owner's address and language, for invoice recipients and wording. */
export class RecordCustomerCommand implements RecordCustomerInput {
  readonly accountId!: string;
  readonly companyName!: string;
  readonly ownerEmail!: string;
  readonly country!: string;
  readonly catalog!: RecordCustomerInput['catalog'];
  readonly locale!: RecordCustomerInput['locale'];
  readonly createdAt!: string;

  private constructor(input: Readonly<RecordCustomerInput>) {
    Object.assign(this, input);
  }

  static create(input: RecordCustomerInput): RecordCustomerCommand {
    return new RecordCustomerCommand(
      checkCommand('record customer', input)
        .uuid('accountId')
        .text('companyName')
        .email('ownerEmail')
        .that('country', isCountryCode(input.country), 'must be an ISO 3166-1 alpha-2 code')
        .oneOf('catalog', CATALOG_CODES)
        .oneOf('locale', LOCALES)
        .instant('createdAt')
        .valid(),
    );
  }
}
