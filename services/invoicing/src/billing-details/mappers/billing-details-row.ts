import { BillingDetailsEntity } from '../entities/billing-details.entity';
import { SaveBillingDetailsInput } from '../use-cases/save-billing-details/save-billing-details.command';

/** Where VIES stands on the details' VAT number, as the row keeps it. */
export type VatState = Pick<BillingDetailsEntity, 'vatStatus' | 'vatCheckedAt' | 'vatCheckId'>;

/** No number VIES could check: nothing to verify, VAT charged as for any buyer without one. */
export const UNCHECKED_VAT: VatState = { vatStatus: null, vatCheckedAt: null, vatCheckId: null };

/** The stored row of the details a customer set: absent fields as null, extra recipients trimmed and once each. */
export function billingDetailsRow(
  input: SaveBillingDetailsInput,
  updatedAt: Date,
  vat: VatState = UNCHECKED_VAT,
): BillingDetailsEntity {
  return {
    accountId: input.accountId,
    legalName: input.legalName,
    buyerType: input.buyerType,
    vatNumber: input.vatNumber ?? null,
    companyId: input.companyId ?? null,
    tradeRegisterNumber: input.tradeRegisterNumber ?? null,
    line1: input.address.line1,
    line2: input.address.line2 ?? null,
    city: input.address.city,
    postalCode: input.address.postalCode ?? null,
    countrySubdivision: input.address.countrySubdivision ?? null,
    country: input.address.country,
    extraRecipients: [...new Set((input.extraRecipients ?? []).map((e) => e.trim()))],
    updatedAt,
    ...vat,
  };
}
