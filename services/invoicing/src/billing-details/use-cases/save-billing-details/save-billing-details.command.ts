import { isEmailAddress } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';
import { checkVatNumberFormat } from '@obolus/vat';
import { isCountryCode } from '../../../iso-codes';

export const BUYER_TYPES = ['business', 'individual'] as const;

export interface BillingAddressInput {
  line1: string;
  line2?: string;
  city: string;
  postalCode?: string;
  countrySubdivision?: string;
  country: string;
}

export interface SaveBillingDetailsInput {
  accountId: string;
  legalName: string;
  buyerType: (typeof BUYER_TYPES)[number];
  vatNumber?: string;
  companyId?: string;
  tradeRegisterNumber?: string;
  address: BillingAddressInput;
  extraRecipients?: string[];
}

/** Set the buyer's billing details of an account (V1); the HTTP edge has refused bad values already. */
export class SaveBillingDetailsCommand implements SaveBillingDetailsInput {
  readonly accountId!: string;
  readonly legalName!: string;
  readonly buyerType!: SaveBillingDetailsInput['buyerType'];
  readonly vatNumber?: string;
  readonly companyId?: string;
  readonly tradeRegisterNumber?: string;
  readonly address!: BillingAddressInput;
  readonly extraRecipients?: string[];

  private constructor(input: Readonly<SaveBillingDetailsInput>) {
    Object.assign(this, input);
  }

  static create(input: SaveBillingDetailsInput): SaveBillingDetailsCommand {
    const address = (input.address ?? {}) as Partial<BillingAddressInput>;
    return new SaveBillingDetailsCommand(
      checkCommand('save billing details', input)
        .uuid('accountId')
        .text('legalName')
        .oneOf('buyerType', BUYER_TYPES)
        .that(
          'vatNumber',
          input.vatNumber === undefined || vatNumberFormatOk(input.vatNumber),
          'is not a valid EU VAT number: its format or check digits are wrong',
        )
        .that('address.line1', typeof address.line1 === 'string' && address.line1.trim() !== '', 'must not be blank')
        .that('address.city', typeof address.city === 'string' && address.city.trim() !== '', 'must not be blank')
        .that('address.country', isCountryCode(address.country), 'must be an ISO 3166-1 alpha-2 code')
        .that(
          'extraRecipients',
          (input.extraRecipients ?? []).every((email) => isEmailAddress(email)),
          'must be e-mail addresses',
        )
        .valid(),
    );
  }
}

/**
 * V3: the format and check digits of an EU number are checked before VIES is asked. A number with
 * another prefix (a Swiss or British one) is kept as the customer wrote it: VIES cannot check it, and
 * its holder is outside the EU anyway.
 */
function vatNumberFormatOk(vatNumber: string): boolean {
  if (typeof vatNumber !== 'string') return false;
  const format = checkVatNumberFormat(vatNumber);
  return format.ok || format.problem === 'unsupported-country';
}
