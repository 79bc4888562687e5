import { divideRoundHalfUp } from '@obolus/money';

/**
 * Exact decimal arithmetic for the EN 16931 calculations. Amounts are bigint hundredths of the
 * document currency; quantities, unit prices and rates stay decimal strings, because EN 16931
 * does not limit their precision and a float would change them.
 */

/** A decimal number as an integer coefficient and a count of decimal places. */
export interface ScaledDecimal {
  readonly coefficient: bigint;
  readonly scale: number;
}

const DECIMAL_PATTERN = /^[+-]?(\d+)(?:\.(\d+))?$/;

export function isDecimalString(text: string): boolean {
  return DECIMAL_PATTERN.test(text);
}

/** Parses "12.3400" exactly; returns undefined for anything that is not a plain decimal. */
export function parseDecimal(text: string): ScaledDecimal | undefined {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  const negative = text.trim().startsWith('-');
  const magnitude = BigInt(match[1] + fraction);
  return { coefficient: negative ? -magnitude : magnitude, scale: fraction.length };
}

export function decimalOrThrow(text: string): ScaledDecimal {
  const value = parseDecimal(text);
  if (!value) throw new RangeError(`not a decimal number: '${text}'`);
  return value;
}

const TEN = 10n;
const powersOfTen: bigint[] = [1n];
export function pow10(exponent: number): bigint {
  while (powersOfTen.length <= exponent) powersOfTen.push(powersOfTen[powersOfTen.length - 1] * TEN);
  return powersOfTen[exponent];
}

/** numerator / denominator rounded to an integer, half away from zero (commercial rounding). */
export const divideRounded = divideRoundHalfUp;

/** The product of decimals, as hundredths, rounded half away from zero to two decimals. */
export function productInCents(...factors: ScaledDecimal[]): bigint {
  let coefficient = 1n;
  let scale = 0;
  for (const factor of factors) {
    coefficient *= factor.coefficient;
    scale += factor.scale;
  }
  return rescaleRounded(coefficient, scale, 2);
}

/** Changes the number of decimal places, rounding half away from zero when places are lost. */
export function rescaleRounded(coefficient: bigint, scale: number, targetScale: number): bigint {
  if (scale <= targetScale) return coefficient * pow10(targetScale - scale);
  return divideRounded(coefficient, pow10(scale - targetScale));
}

/** Hundredths to "1234.50" / "-0.05": EN 16931 amounts always carry two decimals. */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** "12.3" -> 1230n. Undefined when the text has more than two decimals or is not a number. */
export function parseCents(text: string): bigint | undefined {
  const value = parseDecimal(text);
  if (!value || value.scale > 2) return undefined;
  return value.coefficient * pow10(2 - value.scale);
}

/** Numeric comparison of two decimal strings ("19" equals "19.00"). */
export function compareDecimals(left: ScaledDecimal, right: ScaledDecimal): number {
  const scale = Math.max(left.scale, right.scale);
  const a = left.coefficient * pow10(scale - left.scale);
  const b = right.coefficient * pow10(scale - right.scale);
  return a === b ? 0 : a < b ? -1 : 1;
}

/** A canonical text for a decimal, used as a grouping key: "19.00" and "19" give "19". */
export function canonicalDecimal(value: ScaledDecimal): string {
  let { coefficient, scale } = value;
  while (scale > 0 && coefficient % TEN === 0n) {
    coefficient /= TEN;
    scale -= 1;
  }
  const negative = coefficient < 0n;
  const digits = (negative ? -coefficient : coefficient).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}
