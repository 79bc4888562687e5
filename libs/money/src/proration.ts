import { divideRoundHalfUp } from './decimal';
import { Money, moneyFromMinorUnits } from './money';
import { MoneyError } from './money-error';

/**
 * amount × part ÷ whole, rounded once, half away from zero, to a minor unit.
 * Used for proration by day: part = days remaining in the period, whole = days in the period.
 */
export function prorateMoney(amount: Money, part: number, whole: number): Money {
  if (!Number.isSafeInteger(whole) || whole <= 0 || !Number.isSafeInteger(part) || part < 0 || part > whole) {
    throw new MoneyError('INVALID_PRORATION', `Cannot prorate by ${String(part)}/${String(whole)}`, [
      { field: 'part', reason: 'an integer between 0 and whole' },
      { field: 'whole', reason: 'a positive integer' },
    ]);
  }
  return moneyFromMinorUnits(divideRoundHalfUp(BigInt(amount.amountMinor) * BigInt(part), BigInt(whole)), amount.currency);
}
