import { PaymentMethodKind } from '@obolus/contracts';

/** Stripe's PaymentMethod type of each method a subscription may be bought with and Stripe collects. */
export const PROVIDER_METHOD_TYPE: Partial<Record<PaymentMethodKind, string>> = {
  card: 'card',
  sepa_debit: 'sepa_debit',
  ach_debit: 'us_bank_account',
};

/**
 * The countries of the SEPA area, whose customers are offered SEPA Direct Debit: the EU, the EEA, and
 * Switzerland, the United Kingdom, Monaco, San Marino, Andorra and the Vatican.
 */
export const SEPA_COUNTRIES: ReadonlySet<string> = new Set([
  ...['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT'],
  ...['NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'],
  ...['IS', 'LI', 'NO', 'CH', 'GB', 'MC', 'SM', 'AD', 'VA'],
]);

/** Why a bank debit is not offered to a customer in `country`, or null when it is. */
export function debitRefusal(type: string, country: string): string | null {
  if (type === 'sepa_debit' && !SEPA_COUNTRIES.has(country)) {
    return `sepa_debit is offered to customers in the SEPA area only; this account is in ${country}`;
  }
  if (type === 'us_bank_account' && country !== 'US') {
    return `us_bank_account (ACH Direct Debit) is offered to customers in the US only; this account is in ${country}`;
  }
  return null;
}
