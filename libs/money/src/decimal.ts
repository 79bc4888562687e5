import { MoneyError } from './money-error';

/** An exact decimal: value = units / 10^scale. Used for quantities, prices and rates; never a float. */
export interface ScaledDecimal {
  units: bigint;
  scale: number;
}

const DECIMAL_PATTERN = /^(-)?(\d+)(?:\.(\d+))?$/;

export function parseDecimal(text: string, field = 'value'): ScaledDecimal {
  const match = typeof text === 'string' ? DECIMAL_PATTERN.exec(text.trim()) : null;
  if (!match) {
    throw new MoneyError('INVALID_DECIMAL', `'${String(text)}' is not a decimal number`, [
      { field, reason: 'expected digits with an optional dot and decimals, e.g. 12.50' },
    ]);
  }
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(whole + fraction) * (sign ? -1n : 1n);
  return { units, scale: fraction.length };
}

export function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/**
 * numerator / denominator rounded to the nearest integer, halves away from zero.
 * EN 16931 and CIUS-RO round commercially (0.005 -> 0.01); away from zero keeps a credit note
 * the exact mirror of its invoice.
 */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -quotient : quotient;
}
