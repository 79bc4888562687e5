import { formatIsoDate, IsoDate, parseIsoDate } from './calendar-date';
import { CalendarError } from './calendar-error';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      // Gregorian calendar and Latin digits whatever the host locale is.
      formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
    } catch {
      throw new CalendarError('INVALID_TIME_ZONE', `Unknown IANA time zone '${timeZone}'`, [
        { field: 'timeZone', reason: 'an IANA zone name such as Europe/Bucharest' },
      ]);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar date an instant falls on in the seller's time zone. This is the only place an
 * instant becomes a billing date; everything after it works on dates, so DST cannot shift a cycle.
 */
export function calendarDateInZone(instant: Date | string | number, timeZone: string): IsoDate {
  // A timestamp without an offset would be read in the host's zone: refuse it rather than guess.
  const ambiguous = typeof instant === 'string' && !/(Z|[+-]\d{2}:?\d{2})$/i.test(instant.trim());
  const moment = instant instanceof Date ? instant : new Date(instant);
  if (ambiguous || Number.isNaN(moment.getTime())) {
    throw new CalendarError('INVALID_INSTANT', `'${String(instant)}' is not an instant`, [
      { field: 'instant', reason: 'an ISO 8601 timestamp with an offset, or epoch milliseconds' },
    ]);
  }
  const parts = formatterFor(timeZone).formatToParts(moment);
  const pick = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  return formatIsoDate({ year: pick('year'), month: pick('month'), day: pick('day') });
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatterFor(timeZone); // refuses an unknown zone with the calendar's error
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instant));
  const pick = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(pick('year'), pick('month') - 1, pick('day'), pick('hour'), pick('minute'), pick('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day starts in a time zone (its first existing minute, should DST skip midnight). */
export function startOfDayInZone(date: IsoDate, timeZone: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const wallMidnight = Date.UTC(year, month - 1, day);
  let instant = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  // A second pass settles the offset when the first guess fell on the other side of a DST change.
  instant = wallMidnight - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}
