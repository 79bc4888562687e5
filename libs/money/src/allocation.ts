import { Money, moneyFromMinorUnits } from './money';
import { MoneyError } from './money-error';

function invalidRatios(reason: string): MoneyError {
  return new MoneyError('INVALID_RATIOS', `Cannot allocate: ${reason}`, [{ field: 'ratios', reason }]);
}

/**
 * Splits an amount by integer ratios with the largest-remainder method, so the parts always sum
 * to the total: each part gets floor(total × ratio / Σratios), and the minor units left over go
 * one each to the parts with the largest remainders (earlier parts win ties, so the result is stable).
 * A negative total is split as its magnitude and negated, so a credit note mirrors its invoice.
 */
export function allocateMoney(total: Money, ratios: readonly number[]): Money[] {
  if (ratios.length === 0) throw invalidRatios('at least one ratio is needed');
  for (const ratio of ratios) {
    if (!Number.isSafeInteger(ratio) || ratio < 0) throw invalidRatios('ratios must be non-negative integers');
  }
  const weights = ratios.map((ratio) => BigInt(ratio));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) throw invalidRatios('at least one ratio must be positive');

  const sign = total.amountMinor < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(total.amountMinor));
  const shares = weights.map((weight) => (magnitude * weight) / weightSum);
  const remainders = weights.map((weight, index) => ({ index, remainder: (magnitude * weight) % weightSum }));
  let leftover = magnitude - shares.reduce((sum, share) => sum + share, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    shares[index] += 1n;
    leftover -= 1n;
  }
  return shares.map((share) => moneyFromMinorUnits(share * sign, total.currency));
}

/** Splits an amount into n parts that differ by at most one minor unit, the larger ones first. */
export function splitMoneyEvenly(total: Money, parts: number): Money[] {
  if (!Number.isSafeInteger(parts) || parts < 1) throw invalidRatios('parts must be a positive integer');
  return allocateMoney(total, new Array<number>(parts).fill(1));
}
