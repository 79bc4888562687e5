import { addDays, formatIsoDate, IsoDate } from './calendar-date';
import { CalendarError } from './calendar-error';

/**
 * Orthodox Easter Sunday as a Gregorian date: Meeus's Julian-calendar algorithm, then the 13-day
 * Julian-to-Gregorian offset, which holds from 1900-03-14 to 2100-02-28 (hence the range).
 */
export function orthodoxEaster(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1900 || year > 2099) {
    throw new CalendarError('YEAR_NOT_SUPPORTED', `Orthodox Easter is computed for 1900..2099, not ${String(year)}`, [
      { field: 'year', reason: '1900..2099' },
    ]);
  }
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  return addDays(formatIsoDate({ year, month, day }), 13);
}
