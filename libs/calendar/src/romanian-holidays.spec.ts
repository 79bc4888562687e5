import {
  addRomanianWorkingDays,
  CalendarError,
  isRomanianWorkingDay,
  orthodoxEaster,
  romanianPublicHolidays,
  romanianWorkingDaysBefore,
} from './index';

describe('Orthodox Easter', () => {
  it.each([
    [2018, '2018-04-08'],
    [2019, '2019-04-28'],
    [2020, '2020-04-19'],
    [2021, '2021-05-02'],
    [2022, '2022-04-24'],
    [2023, '2023-04-16'],
    [2024, '2024-05-05'],
    [2025, '2025-04-20'],
    [2026, '2026-04-12'],
    [2027, '2027-05-02'],
    [2028, '2028-04-16'],
    [2030, '2030-04-28'],
  ])('%i is on %s', (year, date) => {
    expect(orthodoxEaster(year)).toBe(date);
  });

  it('is computed only where the 13-day offset holds', () => {
    expect(() => orthodoxEaster(2100)).toThrow(CalendarError);
  });
});

describe('Romanian public holidays (Codul muncii art. 139)', () => {
  // Published lists for each year (Codul muncii art. 139 as amended, Easter from the Orthodox calendar).
  it.each([
    [
      2024,
      [
        '01-01',
        '01-02',
        '01-06',
        '01-07',
        '01-24',
        '05-01',
        '05-03',
        '05-05',
        '05-06',
        '06-01',
        '06-23',
        '06-24',
        '08-15',
        '11-30',
        '12-01',
        '12-25',
        '12-26',
      ],
    ],
    [
      2025,
      [
        '01-01',
        '01-02',
        '01-06',
        '01-07',
        '01-24',
        '04-18',
        '04-20',
        '04-21',
        '05-01',
        '06-01',
        '06-08',
        '06-09',
        '08-15',
        '11-30',
        '12-01',
        '12-25',
        '12-26',
      ],
    ],
    [
      2026,
      [
        '01-01',
        '01-02',
        '01-06',
        '01-07',
        '01-24',
        '04-10',
        '04-12',
        '04-13',
        '05-01',
        '05-31',
        '06-01',
        '08-15',
        '11-30',
        '12-01',
        '12-25',
        '12-26',
      ],
    ],
    [
      2027,
      [
        '01-01',
        '01-02',
        '01-06',
        '01-07',
        '01-24',
        '04-30',
        '05-01',
        '05-02',
        '05-03',
        '06-01',
        '06-20',
        '06-21',
        '08-15',
        '11-30',
        '12-01',
        '12-25',
        '12-26',
      ],
    ],
  ])('%i', (year, days) => {
    expect(romanianPublicHolidays(year).map((holiday) => holiday.date)).toEqual(days.map((day) => `${year}-${day}`));
  });

  it('names Good Friday, Easter Monday, Pentecost and Whit Monday from Easter', () => {
    const ids = (year: number) =>
      Object.fromEntries(romanianPublicHolidays(year).flatMap((h) => h.ids.map((id) => [id, h.date])));
    expect(ids(2026)).toMatchObject({
      'good-friday': '2026-04-10',
      easter: '2026-04-12',
      'easter-monday': '2026-04-13',
      pentecost: '2026-05-31',
      'whit-monday': '2026-06-01',
      'children-day': '2026-06-01',
    });
    expect(ids(2024)).toMatchObject({ 'good-friday': '2024-05-03', pentecost: '2024-06-23', 'whit-monday': '2024-06-24' });
    expect(ids(2025)).toMatchObject({ 'good-friday': '2025-04-18', pentecost: '2025-06-08', 'whit-monday': '2025-06-09' });
    expect(ids(2027)).toMatchObject({ 'good-friday': '2027-04-30', pentecost: '2027-06-20', 'whit-monday': '2027-06-21' });
    // One entry for a day that is two holidays.
    expect(romanianPublicHolidays(2026).find((h) => h.date === '2026-06-01')?.ids).toEqual(['children-day', 'whit-monday']);
  });

  it('applies each holiday from the year its law took effect', () => {
    const dates = romanianPublicHolidays(2023).map((holiday) => holiday.date);
    expect(dates).not.toContain('2023-01-06');
    expect(dates).not.toContain('2023-01-07');
    expect(dates).toContain('2023-04-14'); // Good Friday
    expect(() => romanianPublicHolidays(2017)).toThrow(CalendarError);
  });

  it('counts working days from the day after, skipping weekends and holidays', () => {
    expect(isRomanianWorkingDay('2026-12-25')).toBe(false);
    expect(isRomanianWorkingDay('2026-12-28')).toBe(true);
    expect(isRomanianWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(addRomanianWorkingDays('2026-12-18', 0)).toBe('2026-12-18');
    expect(addRomanianWorkingDays('2026-12-18', 1)).toBe('2026-12-21');
    expect(addRomanianWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
  });

  it('counts working days back from the day before, skipping weekends and holidays', () => {
    expect(romanianWorkingDaysBefore('2026-12-28', 1)).toBe('2026-12-24');
    expect(romanianWorkingDaysBefore('2026-12-28', 2)).toBe('2026-12-23');
    expect(romanianWorkingDaysBefore('2027-01-08', 2)).toBe('2027-01-04'); // Epiphany 6, St John 7, New Year 1-2
    expect(romanianWorkingDaysBefore('2027-05-04', 1)).toBe('2027-04-29'); // Easter Monday 3, 1 May, Good Friday 30
    expect(romanianWorkingDaysBefore('2026-12-03', 2)).toBe('2026-11-27'); // St Andrew 30, National Day 1 Dec
    expect(romanianWorkingDaysBefore('2026-12-18', 0)).toBe('2026-12-18');
    expect(romanianWorkingDaysBefore(addRomanianWorkingDays('2026-04-09', 5), 5)).toBe('2026-04-09');
    expect(() => romanianWorkingDaysBefore('2026-12-28', -1)).toThrow(CalendarError);
  });
});
