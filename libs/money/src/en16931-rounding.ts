import { currencyOf } from './currency';
import { divideRoundHalfUp, parseDecimal, pow10 } from './decimal';
import { addMoney, Money, moneyFromMinorUnits, sumMoney } from './money';
import { MoneyError } from './money-error';

/**
 * EN 16931 rounding order: each line net amount (BT-131) is rounded to the currency's minor unit,
 * the VAT of each category (BT-117) is computed once on that category's summed taxable amount
 * (BT-116), and the totals (BT-106, BT-109, BT-110, BT-112) are plain sums of rounded figures, so
 * every total on the invoice can be re-added by the reader (BR-CO-10 .. BR-CO-15).
 */

/** VAT rate in basis points of a percent: 21% = 2100, 25.5% = 2550, 5.5% = 550. */
export type RateBasisPoints = number;

export function assertRateBasisPoints(rate: number, field = 'rateBasisPoints'): void {
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > 10000) {
    throw new MoneyError('INVALID_RATE', `VAT rate ${String(rate)} is not an integer number of basis points in 0..10000`, [
      { field, reason: 'basis points of a percent, e.g. 2100 for 21%' },
    ]);
  }
}

/** Basis points from a percent written as a decimal string: "25.5" -> 2550. */
export function rateBasisPointsFromPercent(percent: string): RateBasisPoints {
  const { units, scale } = parseDecimal(percent, 'ratePercent');
  if (scale > 2 && units % pow10(scale - 2) !== 0n) {
    throw new MoneyError('INVALID_RATE', `VAT rate ${percent}% has more than two decimals`, [
      { field: 'ratePercent', reason: 'at most two decimals' },
    ]);
  }
  const basisPoints = Number(scale > 2 ? units / pow10(scale - 2) : units * pow10(2 - scale));
  assertRateBasisPoints(basisPoints, 'ratePercent');
  return basisPoints;
}

export interface LineNetInput {
  /** BT-129, a decimal string; may be negative on a credit line. */
  quantity: string;
  /** BT-146 net price, a decimal string; may carry more decimals than the currency. */
  unitPrice: string;
  /** BT-149 price base quantity, defaults to 1. */
  baseQuantity?: string;
  currency: string;
}

/** BT-131 = quantity × price ÷ base quantity, rounded half up to the currency's minor unit. */
export function lineNetAmount(input: LineNetInput): Money {
  const { exponent } = currencyOf(input.currency);
  const quantity = parseDecimal(input.quantity, 'quantity');
  const price = parseDecimal(input.unitPrice, 'unitPrice');
  const base = parseDecimal(input.baseQuantity ?? '1', 'baseQuantity');
  if (base.units <= 0n) {
    throw new MoneyError('INVALID_DECIMAL', 'Price base quantity must be positive', [
      { field: 'baseQuantity', reason: 'must be greater than zero' },
    ]);
  }
  // quantity × price × 10^exponent ÷ base, with every scale brought to integers first.
  const numerator = quantity.units * price.units * pow10(exponent) * pow10(base.scale);
  const denominator = pow10(quantity.scale + price.scale) * base.units;
  return moneyFromMinorUnits(divideRoundHalfUp(numerator, denominator), input.currency);
}

/** VAT on a taxable amount: round(base × rate), halves away from zero. */
export function vatAmount(taxableAmount: Money, rateBasisPoints: RateBasisPoints): Money {
  assertRateBasisPoints(rateBasisPoints);
  return moneyFromMinorUnits(
    divideRoundHalfUp(BigInt(taxableAmount.amountMinor) * BigInt(rateBasisPoints), 10000n),
    taxableAmount.currency,
  );
}

export interface TaxedLine {
  /** BT-131, already rounded (see lineNetAmount). */
  netAmount: Money;
  /** BT-151, an EN 16931 VAT category code (UNCL5305): S, Z, E, AE, K, G, O, L, M. */
  categoryCode: string;
  rateBasisPoints: RateBasisPoints;
}

export interface VatBreakdown {
  categoryCode: string;
  rateBasisPoints: RateBasisPoints;
  /** BT-116 */
  taxableAmount: Money;
  /** BT-117 */
  taxAmount: Money;
}

export interface InvoiceTotals {
  /** BT-106: sum of line net amounts. */
  lineTotal: Money;
  /** BT-109: total without VAT (no document-level allowances or charges in Obolus). */
  taxExclusiveAmount: Money;
  /** BT-110: sum of the VAT of each category. */
  vatTotal: Money;
  /** BT-112 */
  taxInclusiveAmount: Money;
  breakdown: VatBreakdown[];
}

export function computeInvoiceTotals(lines: readonly TaxedLine[], currency: string): InvoiceTotals {
  const groups = new Map<string, { categoryCode: string; rateBasisPoints: number; nets: Money[] }>();
  for (const line of lines) {
    assertRateBasisPoints(line.rateBasisPoints);
    const key = `${line.categoryCode}|${line.rateBasisPoints}`;
    const group = groups.get(key) ?? { categoryCode: line.categoryCode, rateBasisPoints: line.rateBasisPoints, nets: [] };
    group.nets.push(line.netAmount);
    groups.set(key, group);
  }
  const breakdown = [...groups.values()].map((group): VatBreakdown => {
    const taxableAmount = sumMoney(group.nets, currency);
    return {
      categoryCode: group.categoryCode,
      rateBasisPoints: group.rateBasisPoints,
      taxableAmount,
      taxAmount: vatAmount(taxableAmount, group.rateBasisPoints),
    };
  });
  const lineTotal = sumMoney(
    lines.map((line) => line.netAmount),
    currency,
  );
  const vatTotal = sumMoney(
    breakdown.map((entry) => entry.taxAmount),
    currency,
  );
  return {
    lineTotal,
    taxExclusiveAmount: lineTotal,
    vatTotal,
    taxInclusiveAmount: addMoney(lineTotal, vatTotal),
    breakdown,
  };
}
