import fc from 'fast-check';
import { computeInvoiceTotals, lineNetAmount, money, MoneyError, rateBasisPointsFromPercent, vatAmount } from './index';

describe('EN 16931 rounding', () => {
  it('rounds a line net amount half up to the currency minor unit', () => {
    expect(lineNetAmount({ quantity: '3', unitPrice: '19.99', currency: 'EUR' }).amountMinor).toBe(5997);
    expect(lineNetAmount({ quantity: '1.5', unitPrice: '0.333', currency: 'EUR' }).amountMinor).toBe(50); // 0.4995
    expect(lineNetAmount({ quantity: '1', unitPrice: '0.125', currency: 'EUR' }).amountMinor).toBe(13);
    expect(lineNetAmount({ quantity: '-1', unitPrice: '0.125', currency: 'EUR' }).amountMinor).toBe(-13);
    expect(lineNetAmount({ quantity: '7', unitPrice: '1234.5', currency: 'JPY' }).amountMinor).toBe(8642); // 8641.5
    expect(lineNetAmount({ quantity: '1', unitPrice: '1.0005', currency: 'KWD' }).amountMinor).toBe(1001);
    expect(lineNetAmount({ quantity: '250', unitPrice: '12.00', baseQuantity: '100', currency: 'RON' }).amountMinor).toBe(3000);
  });

  it('computes VAT with basis-point rates', () => {
    expect(rateBasisPointsFromPercent('21')).toBe(2100);
    expect(rateBasisPointsFromPercent('25.5')).toBe(2550);
    expect(rateBasisPointsFromPercent('5.50')).toBe(550);
    expect(() => rateBasisPointsFromPercent('5.555')).toThrow(MoneyError);
    expect(() => rateBasisPointsFromPercent('101')).toThrow(MoneyError);
    expect(vatAmount(money(1000, 'RON'), 1900).amountMinor).toBe(190);
    expect(vatAmount(money(1050, 'EUR'), 2550).amountMinor).toBe(268); // 267.75
    expect(vatAmount(money(250, 'EUR'), 2100).amountMinor).toBe(53); // 52.5 -> 53
    expect(vatAmount(money(-250, 'EUR'), 2100).amountMinor).toBe(-53);
    expect(() => vatAmount(money(1, 'EUR'), 21.5)).toThrow(MoneyError);
  });

  it('computes VAT per category on the summed lines, then totals', () => {
    // Three lines of 0.07 at 20%: rounded per line that would be 3 × 0.01 = 0.03; per category it is
    // 0.21 × 20% = 0.042 -> 0.04. EN 16931 takes the category figure.
    const lines = [7, 7, 7].map((net) => ({ netAmount: money(net, 'EUR'), categoryCode: 'S', rateBasisPoints: 2000 }));
    lines.push({ netAmount: money(10000, 'EUR'), categoryCode: 'AE', rateBasisPoints: 0 });
    const totals = computeInvoiceTotals(lines, 'EUR');
    expect(totals.breakdown).toEqual([
      { categoryCode: 'S', rateBasisPoints: 2000, taxableAmount: money(21, 'EUR'), taxAmount: money(4, 'EUR') },
      { categoryCode: 'AE', rateBasisPoints: 0, taxableAmount: money(10000, 'EUR'), taxAmount: money(0, 'EUR') },
    ]);
    expect(totals.lineTotal.amountMinor).toBe(10021);
    expect(totals.taxExclusiveAmount.amountMinor).toBe(10021);
    expect(totals.vatTotal.amountMinor).toBe(4);
    expect(totals.taxInclusiveAmount.amountMinor).toBe(10025);
  });

  it('refuses lines in another currency', () => {
    expect(() => computeInvoiceTotals([{ netAmount: money(1, 'RON'), categoryCode: 'S', rateBasisPoints: 2100 }], 'EUR')).toThrow(
      MoneyError,
    );
  });

  it('keeps the VAT of a sum within the rounding bound of the sum of VATs (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 10000 }),
        (bases, rate) => {
          const vatOfSum = vatAmount(
            money(
              bases.reduce((a, b) => a + b, 0),
              'EUR',
            ),
            rate,
          ).amountMinor;
          const sumOfVats = bases.reduce((sum, base) => sum + vatAmount(money(base, 'EUR'), rate).amountMinor, 0);
          // Each of the n line roundings and the one rounding of the sum moves by at most half a unit.
          expect(Math.abs(vatOfSum - sumOfVats) * 2).toBeLessThanOrEqual(bases.length + 1);
        },
      ),
    );
  });

  it('keeps totals consistent: BT-112 = BT-109 + Σ BT-117 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            net: fc.integer({ min: -1_000_000, max: 1_000_000 }),
            rate: fc.constantFrom(0, 500, 900, 1900, 2100, 2550),
          }),
          { maxLength: 30 },
        ),
        (rows) => {
          const totals = computeInvoiceTotals(
            rows.map((row) => ({
              netAmount: money(row.net, 'RON'),
              categoryCode: row.rate === 0 ? 'Z' : 'S',
              rateBasisPoints: row.rate,
            })),
            'RON',
          );
          const breakdownVat = totals.breakdown.reduce((sum, entry) => sum + entry.taxAmount.amountMinor, 0);
          const breakdownBase = totals.breakdown.reduce((sum, entry) => sum + entry.taxableAmount.amountMinor, 0);
          expect(totals.vatTotal.amountMinor).toBe(breakdownVat);
          expect(breakdownBase).toBe(totals.taxExclusiveAmount.amountMinor);
          expect(totals.taxInclusiveAmount.amountMinor).toBe(totals.taxExclusiveAmount.amountMinor + breakdownVat);
        },
      ),
    );
  });
});
