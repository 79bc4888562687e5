import fc from 'fast-check';
import {
  addDays,
  addMonths,
  advanceCycles,
  billingCycle,
  BillingTerm,
  cycleContaining,
  cycleStart,
  fromDayNumber,
  nextCycleStart,
  toDayNumber,
} from './index';

const anyDate = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2060-12-31') }).map(fromDayNumber);
const anyTerm = fc.constantFrom<BillingTerm>('monthly', 'annual');

describe('billing cycles', () => {
  it('bills monthly every 30 days from the anchor, not on the same day of the month', () => {
    expect(nextCycleStart('2026-01-31', 'monthly')).toBe('2026-03-02');
    expect([0, 1, 2, 3].map((n) => cycleStart('2026-01-31', 'monthly', n))).toEqual([
      '2026-01-31',
      '2026-03-02',
      '2026-04-01',
      '2026-05-01',
    ]);
    expect(nextCycleStart('2026-01-31', 'monthly', '2026-03-01')).toBe('2026-03-02');
    expect(nextCycleStart('2026-01-31', 'monthly', '2026-03-02')).toBe('2026-04-01');
    expect(nextCycleStart('2026-01-31', 'monthly', '2025-12-01')).toBe('2026-01-31');
  });

  it('bills annually on the anchor day, clamped from the anchor each year', () => {
    expect(nextCycleStart('2026-01-31', 'annual')).toBe('2027-01-31');
    expect([1, 2, 3, 4].map((n) => cycleStart('2024-02-29', 'annual', n))).toEqual([
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
    // Chaining clamped dates would lose the 29th for good; that is why cycles count from the anchor.
    expect(addMonths(addMonths('2024-02-29', 12), 36)).toBe('2028-02-28');
  });

  it('finds the cycle containing a date', () => {
    expect(cycleContaining('2026-01-31', 'monthly', '2026-03-01')).toEqual(billingCycle('2026-01-31', 'monthly', 0));
    expect(cycleContaining('2024-02-29', 'annual', '2028-02-28').index).toBe(3);
    expect(cycleContaining('2024-02-29', 'annual', '2028-02-29').index).toBe(4);
  });

  it('adding n cycles and then m cycles equals adding n + m cycles (property)', () => {
    fc.assert(
      fc.property(anyDate, anyTerm, fc.nat(400), fc.nat(400), (anchor, term, n, m) => {
        const first = billingCycle(anchor, term, 0);
        expect(advanceCycles(advanceCycles(first, n), m)).toEqual(advanceCycles(first, n + m));
        expect(advanceCycles(advanceCycles(first, n), m).start).toBe(cycleStart(anchor, term, n + m));
      }),
    );
  });

  it('monthly cycles also compose as plain dates: (d + 30n) + 30m = d + 30(n + m) (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.nat(400), fc.nat(400), (anchor, n, m) => {
        expect(cycleStart(cycleStart(anchor, 'monthly', n), 'monthly', m)).toBe(cycleStart(anchor, 'monthly', n + m));
        expect(cycleStart(anchor, 'monthly', n + m)).toBe(addDays(anchor, 30 * (n + m)));
      }),
    );
  });

  it('the next cycle after any date is the end of the cycle containing it, and cycles tile time (property)', () => {
    fc.assert(
      fc.property(anyDate, anyTerm, fc.nat(20_000), (anchor, term, offset) => {
        const date = addDays(anchor, offset);
        const cycle = cycleContaining(anchor, term, date);
        expect(cycle.start <= date && date < cycle.end).toBe(true);
        expect(nextCycleStart(anchor, term, date)).toBe(cycle.end);
        expect(advanceCycles(cycle, 1).start).toBe(cycle.end);
      }),
    );
  });
});
