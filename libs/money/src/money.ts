import { currencyOf } from './currency';
import { divideRoundHalfUp, parseDecimal, pow10 } from './decimal';
import { MoneyError } from './money-error';

/**
 * An amount in integer minor units of an ISO 4217 currency (cents for EUR, bani for RON, yen for JPY).
 * amountMinor is a safe-integer number rather than a bigint so Money travels as plain JSON
 * through Kafka events and Postgres; every product or quotient is computed in bigint and
 * checked back into the safe range (±9e15 minor units, far beyond any invoice).
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

export function money(amountMinor: number, currency: string): Money {
  currencyOf(currency);
  if (typeof amountMinor !== 'number' || !Number.isInteger(amountMinor)) {
    throw new MoneyError('NON_INTEGER_MINOR_AMOUNT', `Minor amount ${String(amountMinor)} is not an integer`, [
      { field: 'amountMinor', reason: 'must be an integer number of minor units' },
    ]);
  }
  if (!Number.isSafeInteger(amountMinor)) {
    throw new MoneyError('AMOUNT_OUT_OF_RANGE', `Minor amount ${amountMinor} is outside the safe integer range`, [
      { field: 'amountMinor', reason: 'must be a safe integer' },
    ]);
  }
  // Normalise -0 so that equal amounts serialise identically.
  return Object.freeze({ amountMinor: amountMinor === 0 ? 0 : amountMinor, currency });
}

/** Builds Money from a bigint result, refusing anything outside the safe range. */
export function moneyFromMinorUnits(units: bigint, currency: string): Money {
  if (units > BigInt(Number.MAX_SAFE_INTEGER) || units < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError('AMOUNT_OUT_OF_RANGE', `Minor amount ${units} is outside the safe integer range`, [
      { field: 'amountMinor', reason: 'must be a safe integer' },
    ]);
  }
  return money(Number(units), currency);
}

export function zeroMoney(currency: string): Money {
  return money(0, currency);
}

/** Exact conversion of a decimal string ("12.30") in major units; more decimals than the currency has is an error. */
export function moneyFromDecimal(text: string, currency: string): Money {
  const { exponent } = currencyOf(currency);
  const { units, scale } = parseDecimal(text, 'amount');
  if (scale > exponent) {
    const trimmed = units % pow10(scale - exponent);
    if (trimmed !== 0n) {
      throw new MoneyError('TOO_MANY_DECIMALS', `${text} has more decimals than ${currency} allows (${exponent})`, [
        { field: 'amount', reason: `at most ${exponent} decimals for ${currency}` },
      ]);
    }
    return moneyFromMinorUnits(units / pow10(scale - exponent), currency);
  }
  return moneyFromMinorUnits(units * pow10(exponent - scale), currency);
}

/** The amount as a decimal string with exactly the currency's decimals: 1230 EUR -> "12.30". */
export function moneyToDecimal(amount: Money): string {
  const { exponent } = currencyOf(amount.currency);
  const negative = amount.amountMinor < 0;
  const digits = String(Math.abs(amount.amountMinor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError('CURRENCY_MISMATCH', `Cannot combine ${a.currency} with ${b.currency}`, [
      { field: 'currency', reason: `expected ${a.currency}, got ${b.currency}` },
    ]);
  }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return moneyFromMinorUnits(BigInt(a.amountMinor) + BigInt(b.amountMinor), a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return moneyFromMinorUnits(BigInt(a.amountMinor) - BigInt(b.amountMinor), a.currency);
}

export function negateMoney(a: Money): Money {
  return money(-a.amountMinor, a.currency);
}

/** Sum of a list; the currency is required so that an empty list still has one. */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  let total = 0n;
  for (const amount of amounts) {
    assertSameCurrency({ amountMinor: 0, currency }, amount);
    total += BigInt(amount.amountMinor);
  }
  return moneyFromMinorUnits(total, currency);
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

export function equalsMoney(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amountMinor === b.amountMinor;
}

export function isZeroMoney(a: Money): boolean {
  return a.amountMinor === 0;
}

/** amount × factor (a decimal string such as "3" or "0.5"), rounded half away from zero to a minor unit. */
export function multiplyMoney(amount: Money, factor: string): Money {
  const { units, scale } = parseDecimal(factor, 'factor');
  return moneyFromMinorUnits(divideRoundHalfUp(BigInt(amount.amountMinor) * units, pow10(scale)), amount.currency);
}
