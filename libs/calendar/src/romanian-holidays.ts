import { addDays, formatIsoDate, IsoDate, isWeekend, parseIsoDate } from './calendar-date';
import { CalendarError } from './calendar-error';
import { orthodoxEaster } from './orthodox-easter';

/**
 * Romanian public holidays (zile de sărbătoare legală), Codul muncii (Legea 53/2003) art. 139
 * alin. (1), as amended. Each rule carries the year it first applied and the act that added it,
 * so a year's list is the law as it stood that year.
 *
 * Note: Pentecost (Rusalii) is Sunday and Whit Monday only; Good Friday (Vinerea Mare) belongs to
 * Easter. Days off granted to the public sector by government decision ("punți") are not public
 * holidays and are not listed.
 */
export interface HolidayRule {
  id: string;
  name: { ro: string; en: string };
  /** First year the day was a public holiday. */
  fromYear: number;
  source: string;
  dateIn(year: number): IsoDate;
}

const fixed = (month: number, day: number) => (year: number) => formatIsoDate({ year, month, day });
const fromEaster = (offset: number) => (year: number) => addDays(orthodoxEaster(year), offset);

export const ROMANIAN_HOLIDAY_RULES: readonly HolidayRule[] = [
  {
    id: 'new-year',
    name: { ro: 'Anul Nou', en: "New Year's Day" },
    fromYear: 2003,
    source: 'Codul muncii art. 139 (1)',
    dateIn: fixed(1, 1),
  },
  {
    id: 'new-year-2',
    name: { ro: 'A doua zi de Anul Nou', en: "Day after New Year's Day" },
    fromYear: 2003,
    source: 'Codul muncii art. 139 (1)',
    dateIn: fixed(1, 2),
  },
  {
    id: 'epiphany',
    name: { ro: 'Botezul Domnului – Boboteaza', en: 'Epiphany' },
    fromYear: 2024,
    source: 'Legea 52/2023',
    dateIn: fixed(1, 6),
  },
  {
    id: 'saint-john',
    name: { ro: 'Soborul Sfântului Ioan Botezătorul', en: 'Synaxis of St John the Baptist' },
    fromYear: 2024,
    source: 'Legea 52/2023',
    dateIn: fixed(1, 7),
  },
  {
    id: 'union-day',
    name: { ro: 'Ziua Unirii Principatelor Române', en: 'Union of the Romanian Principalities' },
    fromYear: 2017,
    source: 'Legea 171/2016',
    dateIn: fixed(1, 24),
  },
  {
    id: 'good-friday',
    name: { ro: 'Vinerea Mare', en: 'Orthodox Good Friday' },
    fromYear: 2018,
    source: 'Legea 64/2018',
    dateIn: fromEaster(-2),
  },
  {
    id: 'easter',
    name: { ro: 'Paștele', en: 'Orthodox Easter Sunday' },
    fromYear: 2003,
    source: 'Codul muncii art. 139 (1)',
    dateIn: fromEaster(0),
  },
  {
    id: 'easter-monday',
    name: { ro: 'A doua zi de Paște', en: 'Orthodox Easter Monday' },
    fromYear: 2003,
    source: 'Codul muncii art. 139 (1)',
    dateIn: fromEaster(1),
  },
  {
    id: 'labour-day',
    name: { ro: 'Ziua Muncii', en: 'Labour Day' },
    fromYear: 2003,
    source: 'Codul muncii art. 139 (1)',
    dateIn: fixed(5, 1),
  },
  {
    id: 'children-day',
    name: { ro: 'Ziua Copilului', en: "Children's Day" },
    fromYear: 2017,
    source: 'Legea 220/2016',
    dateIn: fixed(6, 1),
  },
  {
    id: 'pentecost',
    name: { ro: 'Rusaliile', en: 'Orthodox Pentecost' },
    fromYear: 2003,
    source: 'Codul muncii art. 139 (1)',
    dateIn: fromEaster(49),
  },
  {
    id: 'whit-monday',
    name: { ro: 'A doua zi de Rusalii', en: 'Orthodox Whit Monday' },
    fromYear: 2003,
    source: 'Codul muncii art. 139 (1)',
    dateIn: fromEaster(50),
  },
  {
    id: 'assumption',
    name: { ro: 'Adormirea Maicii Domnului', en: 'Dormition of the Mother of God' },
    fromYear: 2009,
    source: 'Legea 202/2008',
    dateIn: fixed(8, 15),
  },
  {
    id: 'saint-andrew',
    name: { ro: 'Sfântul Apostol Andrei', en: 'St Andrew' },
    fromYear: 2012,
    source: 'Legea 147/2012',
    dateIn: fixed(11, 30),
  },
  {
    id: 'national-day',
    name: { ro: 'Ziua Națională a României', en: 'National Day' },
    fromYear: 2003,
    source: 'Codul muncii art. 139 (1)',
    dateIn: fixed(12, 1),
  },
  {
    id: 'christmas',
    name: { ro: 'Crăciunul', en: 'Christmas Day' },
    fromYear: 2003,
    source: 'Codul muncii art. 139 (1)',
    dateIn: fixed(12, 25),
  },
  {
    id: 'christmas-2',
    name: { ro: 'A doua zi de Crăciun', en: 'Second day of Christmas' },
    fromYear: 2003,
    source: 'Codul muncii art. 139 (1)',
    dateIn: fixed(12, 26),
  },
];

/** The list above is the complete law from 2018 (Good Friday was the last day added before 2024). */
export const FIRST_SUPPORTED_HOLIDAY_YEAR = 2018;
export const LAST_SUPPORTED_HOLIDAY_YEAR = 2099;

export interface PublicHoliday {
  date: IsoDate;
  /** Several holidays can fall on one day (Whit Monday on 1 June 2026). */
  ids: string[];
  names: { ro: string; en: string }[];
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_HOLIDAY_YEAR || year > LAST_SUPPORTED_HOLIDAY_YEAR) {
    throw new CalendarError(
      'YEAR_NOT_SUPPORTED',
      `Romanian public holidays are known for ${FIRST_SUPPORTED_HOLIDAY_YEAR}..${LAST_SUPPORTED_HOLIDAY_YEAR}, not ${String(year)}`,
      [{ field: 'year', reason: `${FIRST_SUPPORTED_HOLIDAY_YEAR}..${LAST_SUPPORTED_HOLIDAY_YEAR}` }],
    );
  }
}

const holidayCache = new Map<number, Map<IsoDate, PublicHoliday>>();

function holidaysByDate(year: number): Map<IsoDate, PublicHoliday> {
  assertSupportedYear(year);
  let byDate = holidayCache.get(year);
  if (!byDate) {
    byDate = new Map();
    for (const rule of ROMANIAN_HOLIDAY_RULES) {
      if (year < rule.fromYear) continue;
      const date = rule.dateIn(year);
      const holiday = byDate.get(date) ?? { date, ids: [], names: [] };
      holiday.ids.push(rule.id);
      holiday.names.push(rule.name);
      byDate.set(date, holiday);
    }
    holidayCache.set(year, byDate);
  }
  return byDate;
}

/** A year's public holidays, in date order, one entry per date. */
export function romanianPublicHolidays(year: number): PublicHoliday[] {
  return [...holidaysByDate(year).values()]
    .map((holiday) => ({ ...holiday, ids: [...holiday.ids], names: [...holiday.names] }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function isRomanianPublicHoliday(date: IsoDate): boolean {
  return holidaysByDate(parseIsoDate(date).year).has(date);
}

/** Monday to Friday and not a public holiday. */
export function isRomanianWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isRomanianPublicHoliday(date);
}

/**
 * The n-th working day after `date`. The count starts the day after, so `date` itself never
 * counts, whether or not it is a working day.
 */
export function addRomanianWorkingDays(date: IsoDate, workingDays: number): IsoDate {
  if (!Number.isSafeInteger(workingDays) || workingDays < 0) {
    throw new CalendarError('INVALID_ARGUMENT', `workingDays must be a non-negative integer, got ${String(workingDays)}`, [
      { field: 'workingDays', reason: 'a non-negative integer' },
    ]);
  }
  let current = date;
  parseIsoDate(current);
  for (let counted = 0; counted < workingDays; ) {
    current = addDays(current, 1);
    if (isRomanianWorkingDay(current)) counted += 1;
  }
  return current;
}

/**
 * The n-th working day before `date` (`date` itself never counts): the day on which n working days,
 * `date` included, are left until it. The working day 2 before Monday 2026-12-28 is Wednesday
 * 2026-12-23 (Christmas falls between).
 */
export function romanianWorkingDaysBefore(date: IsoDate, workingDays: number): IsoDate {
  if (!Number.isSafeInteger(workingDays) || workingDays < 0) {
    throw new CalendarError('INVALID_ARGUMENT', `workingDays must be a non-negative integer, got ${String(workingDays)}`, [
      { field: 'workingDays', reason: 'a non-negative integer' },
    ]);
  }
  let current = date;
  parseIsoDate(current);
  for (let counted = 0; counted < workingDays; ) {
    current = addDays(current, -1);
    if (isRomanianWorkingDay(current)) counted += 1;
  }
  return current;
}
