import { compareDates, daysBetween, IsoDate } from './calendar-date';
import { CalendarError } from './calendar-error';

export interface ProrationDays {
  /** Days from the change (included) to the end of the period (excluded). */
  remainingDays: number;
  /** Days in the period [start, end). */
  periodDays: number;
}

/**
 * Proration by day for a seat change mid-period (B5): a seat added or removed on `changeDate`
 * counts for the days from that date, included, to the period's end, excluded. The amount is
 * price × seats × remainingDays ÷ periodDays, rounded once, half up (see prorateMoney in @obolus/money).
 */
export function prorationDays(period: { start: IsoDate; end: IsoDate }, changeDate: IsoDate): ProrationDays {
  const periodDays = daysBetween(period.start, period.end);
  if (periodDays <= 0) {
    throw new CalendarError('INVALID_ARGUMENT', `Period ${period.start}..${period.end} is empty`, [
      { field: 'end', reason: 'after start' },
    ]);
  }
  if (compareDates(changeDate, period.start) < 0 || compareDates(changeDate, period.end) >= 0) {
    throw new CalendarError('INVALID_ARGUMENT', `${changeDate} is outside the period ${period.start}..${period.end}`, [
      { field: 'changeDate', reason: 'within [start, end)' },
    ]);
  }
  return { remainingDays: daysBetween(changeDate, period.end), periodDays };
}
