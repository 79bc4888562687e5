import { invalidRequest } from './errors';

/** Stripe's minimum charge amounts in minor units, for the currencies Obolus bills in. */
const MINIMUM: Record<string, number> = {
  eur: 50,
  usd: 50,
  ron: 200,
  gbp: 30,
  chf: 50,
  pln: 200,
  czk: 1500,
  huf: 17500,
  bgn: 100,
  sek: 300,
  dkk: 250,
  nok: 300,
};

const MAXIMUM = 99_999_999;

export function checkCurrency(raw: string): string {
  const currency = raw.toLowerCase();
  if (!(currency in MINIMUM)) {
    throw invalidRequest(
      `Invalid currency: ${currency}. The Obolus Stripe sandbox supports: ${Object.keys(MINIMUM).join(', ')}.`,
      {
        param: 'currency',
      },
    );
  }
  return currency;
}

export function checkAmount(amount: number, currency: string): void {
  const minimum = MINIMUM[currency];
  if (amount < minimum) {
    throw invalidRequest(`Amount must be at least ${(minimum / 100).toFixed(2)} ${currency}`, {
      param: 'amount',
      code: 'amount_too_small',
    });
  }
  if (amount > MAXIMUM) {
    throw invalidRequest(`Amount must be no more than ${(MAXIMUM / 100).toFixed(2)} ${currency}`, {
      param: 'amount',
      code: 'amount_too_large',
    });
  }
}
