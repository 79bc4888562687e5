import { checkVatNumberFormat } from '@obolus/vat';
import { BillingDetailsEntity } from '../../billing-details/entities/billing-details.entity';

/**
 * Whether the buyer's VAT number counts for reverse charge (V3): VIES has verified it, and it is
 * registered in another member state than the seller's (art. 196 asks for the customer's VAT number in
 * the member state where the supply is taxed, not the seller's own). The buyer's address decides the
 * rest in quoteVat.
 */
export function vatIdVerified(details: BillingDetailsEntity | null, sellerCountry: string): boolean {
  if (details?.vatStatus !== 'verified' || !details.vatNumber) return false;
  const number = checkVatNumberFormat(details.vatNumber);
  const sellerPrefix = sellerCountry.toUpperCase() === 'GR' ? 'EL' : sellerCountry.toUpperCase();
  return number.ok && number.countryCode !== sellerPrefix;
}
