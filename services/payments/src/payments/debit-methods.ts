import { PaymentMethodKind, SEPA_COUNTRIES } from '@obolus/contracts';

/** Stripe's PaymentMethod type of each method a subscription may be bought with and Stripe collects. */
export const PROVIDER_METHOD_TYPE: Partial<Record<PaymentMethodKind, string>> = {
  card: 'card',
  sepa_debit: 'sepa_debit',
  ach_debit: 'us_bank_account',
};

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
