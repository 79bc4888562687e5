import { CalendarError } from './calendar-error';

/**
 * A calendar date as an ISO 8601 `YYYY-MM-DD` string, with no time and no time zone.
 * Billing dates are days in the seller's calendar; keeping them free of instants means no UTC
 * offset or DST change can ever move one. Arithmetic goes through a day count, never through Date.
 */
export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function parseIsoDate(date: IsoDate, field = 'date'): DateParts {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  const parts = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
  if (
    !parts ||
    parts.year < 1 ||
    parts.month < 1 ||
    parts.month > 12 ||
    parts.day < 1 ||
    parts.day > daysInMonth(parts.year, parts.month)
  ) {
    throw new CalendarError('INVALID_DATE', `'${String(date)}' is not a calendar date (YYYY-MM-DD)`, [
      { field, reason: 'expected an existing date written YYYY-MM-DD' },
    ]);
  }
  return parts;
}

export function isIsoDate(value: unknown): value is IsoDate {
  try {
    parseIsoDate(value as string);
    return true;
  } catch {
    return false;
  }
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  if (year < 1 || year > 9999) {
    throw new CalendarError('INVALID_DATE', `Year ${year} is outside 0001..9999`, [{ field: 'year', reason: 'four digits' }]);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
function daysFromCivil({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): DateParts {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function toDayNumber(date: IsoDate, field = 'date'): number {
  return daysFromCivil(parseIsoDate(date, field));
}

export function fromDayNumber(days: number): IsoDate {
  return formatIsoDate(civilFromDays(days));
}

function assertInteger(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new CalendarError('INVALID_ARGUMENT', `${field} must be an integer, got ${String(value)}`, [
      { field, reason: 'an integer' },
    ]);
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days');
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

/**
 * Adds calendar months, clamping to the end of the target month when the day does not exist
 * there: 2026-08-31 + 6 months = 2027-02-28, 2024-01-31 + 1 month = 2024-02-29.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertInteger(months, 'months');
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const difference = toDayNumber(a, 'a') - toDayNumber(b, 'b');
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}
