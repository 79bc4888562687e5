import { addDays, IsoDate, parseIsoDate } from '@obolus/calendar';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';

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

/**
 * The key of a trial job planned after the first one ran (a trial extended after its end job had been
 * claimed, or after its notice went out): the subscription and the trial's new last day.
 */
export const extendedTrialJobKey = (subscriptionId: string, trialEndsOn: IsoDate): string => `${subscriptionId}:${trialEndsOn}`;

/** What a trial's jobs need: the subscription, its trial's last day, and the language of its notice. */
type TrialOf = { id: string; accountId: string; trialEndsOn: string | null; locale: string | null };

/**
 * Moves the trial's end and its notice to the trial's new last day (staff extended it, from
 * `previousEndsOn`): the pending job is moved, wherever it was planned under the first key or an
 * extension's; a job that has run already (the notice sent) is planned again under the extension's key.
 * A notice whose day has passed is not planned.
 */
export async function moveTrialEnd(
  jobs: JobScheduler,
  uow: UnitOfWork,
  subscription: TrialOf,
  previousEndsOn: IsoDate,
  timeZone: string,
  now: Date,
): Promise<void> {
  const endsOn = subscription.trialEndsOn!;
  const payload: TrialJobPayload = {
    subscriptionId: subscription.id,
    ...(subscription.locale ? { locale: subscription.locale } : {}),
  };
  const planned = [
    { kind: TRIAL_END_JOB, dueAt: trialEndsAt(endsOn, timeZone) },
    { kind: TRIAL_ENDING_NOTICE_JOB, dueAt: trialEndingNoticeAt(endsOn, timeZone) },
  ];
  for (const { kind, dueAt } of planned) {
    const previousKey = extendedTrialJobKey(subscription.id, previousEndsOn);
    const movable = dueAt > now || kind === TRIAL_END_JOB;
    if (movable && (await jobs.reschedule(uow, kind, subscription.id, dueAt))) continue;
    if (movable && (await jobs.reschedule(uow, kind, previousKey, dueAt))) continue;
    await jobs.cancel(uow, kind, subscription.id);
    await jobs.cancel(uow, kind, previousKey);
    if (!movable) continue;
    const key = extendedTrialJobKey(subscription.id, endsOn);
    await jobs.schedule(uow, { kind, key, accountId: subscription.accountId, dueAt, payload });
  }
}

/** Cancels the trial's pending end and notice, under the first key and the current extension's (bought, T4). */
export async function cancelTrialEnd(jobs: JobScheduler, uow: UnitOfWork, subscription: TrialOf): Promise<void> {
  const keys = [
    subscription.id,
    ...(subscription.trialEndsOn ? [extendedTrialJobKey(subscription.id, subscription.trialEndsOn)] : []),
  ];
  for (const kind of [TRIAL_END_JOB, TRIAL_ENDING_NOTICE_JOB]) for (const key of keys) await jobs.cancel(uow, kind, key);
}
