import fc from 'fast-check';
import { allocateMoney, money, MoneyError, splitMoneyEvenly } from './index';

describe('allocateMoney', () => {
  it('splits 100.00 three ways without losing a cent', () => {
    expect(splitMoneyEvenly(money(10000, 'EUR'), 3).map((part) => part.amountMinor)).toEqual([3334, 3333, 3333]);
  });

  it('gives leftover cents to the largest remainders', () => {
    expect(allocateMoney(money(100, 'EUR'), [1, 1, 1, 7]).map((part) => part.amountMinor)).toEqual([10, 10, 10, 70]);
    expect(allocateMoney(money(10, 'EUR'), [1, 2]).map((part) => part.amountMinor)).toEqual([3, 7]);
    // Equal remainders: the earlier part wins, so the split is deterministic.
    expect(allocateMoney(money(5, 'EUR'), [3, 7]).map((part) => part.amountMinor)).toEqual([2, 3]);
  });

  it('mirrors a negative total', () => {
    expect(allocateMoney(money(-10000, 'EUR'), [1, 1, 1]).map((part) => part.amountMinor)).toEqual([-3334, -3333, -3333]);
  });

  it('refuses empty, negative, fractional or all-zero ratios', () => {
    for (const ratios of [[], [-1, 2], [0.5, 1], [0, 0]]) {
      expect(() => allocateMoney(money(100, 'EUR'), ratios)).toThrow(MoneyError);
    }
  });

  it('conserves the sum for any amount and ratios (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 })
          .filter((ratios) => ratios.some((r) => r > 0)),
        (amountMinor, ratios) => {
          const parts = allocateMoney(money(amountMinor, 'RON'), ratios);
          expect(parts).toHaveLength(ratios.length);
          expect(parts.reduce((sum, part) => sum + part.amountMinor, 0)).toBe(amountMinor);
          // Each part is within one minor unit of its exact share, and a zero ratio gets nothing.
          const ratioSum = ratios.reduce((a, b) => a + b, 0);
          parts.forEach((part, index) => {
            const exact = (amountMinor * ratios[index]) / ratioSum;
            expect(Math.abs(part.amountMinor - exact)).toBeLessThan(1 + 1e-6);
            if (ratios[index] === 0) expect(part.amountMinor).toBe(0);
          });
        },
      ),
    );
  });
});
