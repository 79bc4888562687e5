import { addDays, addMonths, compareDates, IsoDate, parseIsoDate } from './calendar-date';
import { CalendarError } from './calendar-error';

/** PRODUCT B2: Premium in the Romanian product is prepaid for 1, 6 or 12 months. */
export type PrepaidMonths = 1 | 6 | 12;

export const PREPAID_PERIODS: readonly PrepaidMonths[] = [1, 6, 12];

/** PRODUCT B6: the customer hears 10 days before a paid period expires. */
export const EXPIRY_NOTICE_DAYS = 10;

export function isPrepaidMonths(value: unknown): value is PrepaidMonths {
  return value === 1 || value === 6 || value === 12;
}

/** expiry + months, clamped to the end of the month: 2026-08-31 + 6 = 2027-02-28. */
export function addPrepaidMonths(expiry: IsoDate, months: PrepaidMonths): IsoDate {
  if (!isPrepaidMonths(months)) {
    throw new CalendarError('INVALID_ARGUMENT', `A prepaid period is 1, 6 or 12 months, not ${String(months)}`, [
      { field: 'months', reason: '1, 6 or 12' },
    ]);
  }
  return addMonths(expiry, months);
}

export interface PrepaidExtension {
  /** The expiry before this payment; null for a first purchase. Exclusive: the first day no longer paid. */
  currentExpiry: IsoDate | null;
  /** Calendar date, in the seller's zone, on which the payment arrived. */
  paidOn: IsoDate;
  months: PrepaidMonths;
}

/**
 * New expiry after a payment (B2). A payment while the period runs extends the expiry; a payment
 * after it lapsed (the account is on Standard, B3) starts a new period on the payment date, so the
 * customer never pays for days already gone.
 */
export function extendPrepaidExpiry({ currentExpiry, paidOn, months }: PrepaidExtension): IsoDate {
  parseIsoDate(paidOn, 'paidOn');
  const from = currentExpiry !== null && compareDates(currentExpiry, paidOn) > 0 ? currentExpiry : paidOn;
  return addPrepaidMonths(from, months);
}

/** Date of the B6 expiry notice. */
export function expiryNoticeDate(expiry: IsoDate): IsoDate {
  return addDays(expiry, -EXPIRY_NOTICE_DAYS);
}
