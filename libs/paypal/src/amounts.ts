import type { Money } from '@obolus/money';
import type { PaypalMoney } from './types';

/**
 * The currencies PayPal's REST APIs accept, with the decimals PayPal allows in `value` and the ISO 4217
 * exponent Obolus keeps minor units in. They differ for HUF and TWD: ISO counts fillér and cents, PayPal
 * takes whole forints and dollars only, so such an amount must be a whole unit to be sent.
 */
const CURRENCIES: Readonly<Record<string, { paypal: number; iso: number }>> = Object.freeze({
  AUD: { paypal: 2, iso: 2 },
  BRL: { paypal: 2, iso: 2 },
  CAD: { paypal: 2, iso: 2 },
  CNY: { paypal: 2, iso: 2 },
  CZK: { paypal: 2, iso: 2 },
  DKK: { paypal: 2, iso: 2 },
  EUR: { paypal: 2, iso: 2 },
  HKD: { paypal: 2, iso: 2 },
  HUF: { paypal: 0, iso: 2 },
  ILS: { paypal: 2, iso: 2 },
  JPY: { paypal: 0, iso: 0 },
  MYR: { paypal: 2, iso: 2 },
  MXN: { paypal: 2, iso: 2 },
  TWD: { paypal: 0, iso: 2 },
  NZD: { paypal: 2, iso: 2 },
  NOK: { paypal: 2, iso: 2 },
  PHP: { paypal: 2, iso: 2 },
  PLN: { paypal: 2, iso: 2 },
  GBP: { paypal: 2, iso: 2 },
  SGD: { paypal: 2, iso: 2 },
  SEK: { paypal: 2, iso: 2 },
  CHF: { paypal: 2, iso: 2 },
  THB: { paypal: 2, iso: 2 },
  USD: { paypal: 2, iso: 2 },
});

export class PaypalAmountError extends Error {
  override readonly name = 'PaypalAmountError';
}

function currency(code: string): { paypal: number; iso: number } {
  if (!Object.prototype.hasOwnProperty.call(CURRENCIES, code)) throw new PaypalAmountError(`PayPal does not take ${code}.`);
  return CURRENCIES[code];
}

export function isPaypalCurrency(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CURRENCIES, code);
}

/** How many decimals PayPal allows in an amount of this currency. */
export function paypalDecimals(code: string): number {
  return currency(code).paypal;
}

/** Money in ISO minor units → PayPal's decimal string; refuses what PayPal's precision cannot carry. */
export function toPaypalMoney(amount: Money): PaypalMoney {
  const { paypal, iso } = currency(amount.currency);
  if (!Number.isSafeInteger(amount.amountMinor)) throw new PaypalAmountError(`${amount.amountMinor} is not an integer.`);
  const drop = 10n ** BigInt(iso - paypal);
  const minor = BigInt(amount.amountMinor);
  if (minor % drop !== 0n)
    throw new PaypalAmountError(`PayPal takes ${amount.currency} in whole units of ${paypal} decimals only.`);
  const units = minor / drop;
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(paypal + 1, '0');
  const value = paypal === 0 ? digits : `${digits.slice(0, -paypal)}.${digits.slice(-paypal)}`;
  return { currency_code: amount.currency, value: negative ? `-${value}` : value };
}

/** PayPal's decimal string → Money in ISO minor units, exactly (no float on the way). */
export function fromPaypalMoney(amount: PaypalMoney): Money {
  const { paypal, iso } = currency(amount.currency_code);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.value);
  if (!match) throw new PaypalAmountError(`"${amount.value}" is not a PayPal amount.`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > paypal)
    throw new PaypalAmountError(`"${amount.value}" has more than ${paypal} decimals for ${amount.currency_code}.`);
  const units = BigInt(whole + fraction.padEnd(paypal, '0')) * 10n ** BigInt(iso - paypal);
  const amountMinor = Number(sign === '-' ? -units : units);
  if (!Number.isSafeInteger(amountMinor)) throw new PaypalAmountError(`"${amount.value}" is out of range.`);
  return { amountMinor: amountMinor === 0 ? 0 : amountMinor, currency: amount.currency_code };
}
