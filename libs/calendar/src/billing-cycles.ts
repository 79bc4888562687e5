import { addDays, addMonths, compareDates, daysBetween, IsoDate, parseIsoDate } from './calendar-date';
import { CalendarError } from './calendar-error';

/** PRODUCT B1: monthly means every 30 days, not the same day each month; annual means yearly. */
export type BillingTerm = 'monthly' | 'annual';

export const MONTHLY_CYCLE_DAYS = 30;

export const BILLING_TERMS: readonly BillingTerm[] = ['monthly', 'annual'];

export function isBillingTerm(value: unknown): value is BillingTerm {
  return value === 'monthly' || value === 'annual';
}

function assertCycleIndex(index: number, field = 'cycleIndex'): void {
  if (!Number.isSafeInteger(index) || index < 0) {
    throw new CalendarError('INVALID_ARGUMENT', `${field} must be a non-negative integer, got ${String(index)}`, [
      { field, reason: 'a non-negative integer' },
    ]);
  }
}

function assertTerm(term: BillingTerm): void {
  if (!isBillingTerm(term)) {
    throw new CalendarError('INVALID_ARGUMENT', `Unknown billing term '${String(term)}'`, [
      { field: 'term', reason: "'monthly' or 'annual'" },
    ]);
  }
}

/**
 * Start of cycle n of a subscription anchored on `anchor` (cycle 0 starts on the anchor).
 * Monthly: anchor + 30 × n days. Annual: anchor + 12 × n months, clamped to the month's end and
 * always computed from the anchor, never from the previous cycle: chaining would let a clamped
 * 29 February drift to the 28th for good.
 */
export function cycleStart(anchor: IsoDate, term: BillingTerm, index: number): IsoDate {
  parseIsoDate(anchor, 'anchor');
  assertTerm(term);
  assertCycleIndex(index);
  return term === 'monthly' ? addDays(anchor, MONTHLY_CYCLE_DAYS * index) : addMonths(anchor, 12 * index);
}

/** A billing cycle: [start, end), end being the next cycle's start. */
export interface BillingCycle {
  anchor: IsoDate;
  term: BillingTerm;
  index: number;
  start: IsoDate;
  /** Exclusive: the first day of the next cycle, which is also its billing date. */
  end: IsoDate;
}

export function billingCycle(anchor: IsoDate, term: BillingTerm, index: number): BillingCycle {
  return { anchor, term, index, start: cycleStart(anchor, term, index), end: cycleStart(anchor, term, index + 1) };
}

/** Moves a cycle forward by `cycles`, recomputed from its anchor so that n then m equals n + m. */
export function advanceCycles(cycle: BillingCycle, cycles: number): BillingCycle {
  assertCycleIndex(cycles, 'cycles');
  return billingCycle(cycle.anchor, cycle.term, cycle.index + cycles);
}

/** The cycle that contains `date` (which must not be before the anchor). */
export function cycleContaining(anchor: IsoDate, term: BillingTerm, date: IsoDate): BillingCycle {
  const elapsed = daysBetween(anchor, date);
  if (elapsed < 0) {
    throw new CalendarError('INVALID_ARGUMENT', `${date} is before the anchor ${anchor}`, [
      { field: 'date', reason: 'on or after the anchor' },
    ]);
  }
  // A day-based estimate, then corrected: exact for monthly, within one for annual.
  let index = term === 'monthly' ? Math.floor(elapsed / MONTHLY_CYCLE_DAYS) : Math.floor(elapsed / 366);
  while (compareDates(cycleStart(anchor, term, index + 1), date) <= 0) index += 1;
  return billingCycle(anchor, term, index);
}

/** The first billing date strictly after `after` (default: the anchor itself). */
export function nextCycleStart(anchor: IsoDate, term: BillingTerm, after: IsoDate = anchor): IsoDate {
  if (compareDates(after, anchor) < 0) return anchor;
  return cycleContaining(anchor, term, after).end;
}
