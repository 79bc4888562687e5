import { addDays, IsoDate, parseIsoDate } from '@obolus/calendar';

/** The job that ends a trial (T3); its key is the subscription id. */
export const TRIAL_END_JOB = 'subscriptions.trial-end';
/** The job that announces the end of a trial (B6); its key is the subscription id. */
export const TRIAL_ENDING_NOTICE_JOB = 'subscriptions.trial-ending-notice';
/** B6: the notice goes out this many days before the trial ends. */
export const TRIAL_ENDING_NOTICE_DAYS = 10;

/** What both trial jobs carry; the key is the subscription id as well. */
export interface TrialJobPayload extends Record<string, unknown> {
  subscriptionId: string;
  /** The account's language at sign-up, for the notice e-mail. */
  locale?: string;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
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

/** When a trial whose last day is `trialEndsOn` ends: the start of the next day in the seller's zone. */
export function trialEndsAt(trialEndsOn: IsoDate, timeZone: string): Date {
  return startOfDayInZone(addDays(trialEndsOn, 1), timeZone);
}

/** When the notice before the trial's end is due: the start of the day 10 days before it ends (B6). */
export function trialEndingNoticeAt(trialEndsOn: IsoDate, timeZone: string): Date {
  return startOfDayInZone(addDays(trialEndsOn, 1 - TRIAL_ENDING_NOTICE_DAYS), timeZone);
}
