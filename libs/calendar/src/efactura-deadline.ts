import { addDays, compareDates, IsoDate, parseIsoDate } from './calendar-date';
import { addRomanianWorkingDays } from './romanian-holidays';

/**
 * PRODUCT E2: deadline for an invoice's XML to reach ANAF's RO e-Factura system, dated by the
 * invoice's issue date (a calendar date in Romania). Rules, newest first.
 */
export interface EfacturaDeadlineRule {
  /** The rule applies to invoices issued on or after this date (until the next newer rule). */
  issuedFrom: IsoDate;
  days: number;
  dayKind: 'working' | 'calendar';
  source: string;
}

export const EFACTURA_DEADLINE_RULES: readonly EfacturaDeadlineRule[] = [
  {
    issuedFrom: '2026-01-01',
    days: 5,
    dayKind: 'working',
    source: 'OUG 120/2021 art. 10 as amended by OUG 89/2025: 5 working days from issue; Romanian public holidays are non-working',
  },
  {
    issuedFrom: '0001-01-01',
    days: 5,
    dayKind: 'calendar',
    source: 'OUG 120/2021 art. 10 as in force until 2025-12-31: 5 calendar days from issue',
  },
];

export function efacturaDeadlineRule(issueDate: IsoDate): EfacturaDeadlineRule {
  parseIsoDate(issueDate, 'issueDate');
  const rule = EFACTURA_DEADLINE_RULES.find((candidate) => compareDates(issueDate, candidate.issuedFrom) >= 0);
  // The oldest rule starts at year 1, so a valid date always finds one.
  return rule as EfacturaDeadlineRule;
}

/**
 * Last day on which the XML may reach ANAF. Days are counted from the day after issue: an
 * invoice issued on a Friday 2026-12-18 is due on its 5th working day, Monday 2026-12-28.
 * Before 2026 the deadline is issue date + 5 calendar days, with no roll-over to the next working
 * day: the earlier of the two readings, so alerts are never late.
 */
export function efacturaDeadline(issueDate: IsoDate): IsoDate {
  const rule = efacturaDeadlineRule(issueDate);
  return rule.dayKind === 'working' ? addRomanianWorkingDays(issueDate, rule.days) : addDays(issueDate, rule.days);
}
