import { addDays, calendarDateInZone, CalendarError, cycleStart, startOfDayInZone } from './index';

describe('calendarDateInZone', () => {
  it.each([
    // Europe/Bucharest: EET (+02:00) to EEST (+03:00) on 2026-03-29 at 01:00 UTC, back on 2026-10-25 at 01:00 UTC.
    ['2026-03-28T21:59:59Z', 'Europe/Bucharest', '2026-03-28'],
    ['2026-03-28T22:00:00Z', 'Europe/Bucharest', '2026-03-29'],
    ['2026-03-29T20:59:59Z', 'Europe/Bucharest', '2026-03-29'],
    ['2026-03-29T21:00:00Z', 'Europe/Bucharest', '2026-03-30'],
    ['2026-10-24T20:59:59Z', 'Europe/Bucharest', '2026-10-24'],
    ['2026-10-24T21:00:00Z', 'Europe/Bucharest', '2026-10-25'],
    ['2026-10-25T21:59:59Z', 'Europe/Bucharest', '2026-10-25'],
    ['2026-10-25T22:00:00Z', 'Europe/Bucharest', '2026-10-26'],
    // Europe/Paris: CET (+01:00) to CEST (+02:00) on the same UTC instants.
    ['2026-03-28T22:59:59Z', 'Europe/Paris', '2026-03-28'],
    ['2026-03-28T23:00:00Z', 'Europe/Paris', '2026-03-29'],
    ['2026-03-29T21:59:59Z', 'Europe/Paris', '2026-03-29'],
    ['2026-03-29T22:00:00Z', 'Europe/Paris', '2026-03-30'],
    ['2026-10-25T22:59:59Z', 'Europe/Paris', '2026-10-25'],
    ['2026-10-25T23:00:00Z', 'Europe/Paris', '2026-10-26'],
    // New Year's Eve: already the next year in Bucharest, still the old one in UTC.
    ['2026-12-31T22:30:00Z', 'Europe/Bucharest', '2027-01-01'],
    ['2026-12-31T23:30:00+01:00', 'Europe/Paris', '2026-12-31'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(calendarDateInZone(instant, zone)).toBe(expected);
  });

  it('refuses an unknown zone and a timestamp without an offset', () => {
    expect(() => calendarDateInZone('2026-01-01T00:00:00Z', 'Europe/Atlantis')).toThrow(CalendarError);
    expect(() => calendarDateInZone('2026-01-01T00:00:00', 'Europe/Paris')).toThrow(CalendarError);
    expect(() => calendarDateInZone('not a date', 'Europe/Paris')).toThrow(CalendarError);
  });

  it('keeps a billing date put across a DST change', () => {
    // Signed up at 00:30 local on the night of the spring change; the UTC date is the day before.
    const anchor = calendarDateInZone('2026-03-28T22:30:00Z', 'Europe/Bucharest');
    expect(anchor).toBe('2026-03-29');
    expect(cycleStart(anchor, 'monthly', 1)).toBe('2026-04-28');
    expect(cycleStart(anchor, 'monthly', 7)).toBe(addDays(anchor, 210));
    expect(cycleStart(anchor, 'monthly', 7)).toBe('2026-10-25');
    expect(cycleStart(anchor, 'annual', 1)).toBe('2027-03-29');
  });
});

describe('startOfDayInZone', () => {
  it.each([
    ['2026-12-23', 'Europe/Bucharest', '2026-12-22T22:00:00.000Z'],
    ['2026-07-01', 'Europe/Bucharest', '2026-06-30T21:00:00.000Z'],
    ['2026-03-29', 'Europe/Bucharest', '2026-03-28T22:00:00.000Z'], // the day DST starts at 03:00 local
    ['2026-10-25', 'Europe/Bucharest', '2026-10-24T21:00:00.000Z'], // the day DST ends
    ['2026-12-23', 'UTC', '2026-12-23T00:00:00.000Z'],
  ])('%s starts in %s at %s', (date, zone, instant) => {
    expect(startOfDayInZone(date, zone).toISOString()).toBe(instant);
    expect(calendarDateInZone(startOfDayInZone(date, zone), zone)).toBe(date);
  });

  it('refuses an unknown zone', () => {
    expect(() => startOfDayInZone('2026-12-23', 'Mars/Olympus')).toThrow(CalendarError);
  });
});
