import { addDays, IsoDate } from '@obolus/calendar';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { SubscriptionEntity } from './entities/subscription.entity';
import { startOfDayInZone } from './trial-schedule';

/** The job that bills the next period of a monthly or annual subscription (B1); key `<subscription>:<period end>`. */
export const RENEWAL_JOB = 'subscriptions.renewal';
/** The job that ends a prepaid period without an extension (B3); key `<subscription>:<period end>`. */
export const EXPIRY_JOB = 'subscriptions.expiry';
/** The job that announces the end of a prepaid period (B6); key `<subscription>:<period end>`. */
export const EXPIRING_NOTICE_JOB = 'subscriptions.expiring-notice';
/** B6: the notice goes out this many days before a paid period ends. */
export const EXPIRING_NOTICE_DAYS = 10;

/** What every period job carries; its key names the period end it was planned for. */
export interface PeriodJobPayload extends Record<string, unknown> {
  subscriptionId: string;
  periodEnd: IsoDate;
}

export const isPrepaid = (term: string | null): boolean => term?.startsWith('prepaid-') ?? false;

export const periodJobKey = (subscriptionId: string, periodEnd: IsoDate): string => `${subscriptionId}:${periodEnd}`;

/** The instant a period ending (exclusively) on `periodEnd` is over: the start of that day in the seller's zone. */
export const periodEndsAt = (periodEnd: IsoDate, timeZone: string): Date => startOfDayInZone(periodEnd, timeZone);

/**
 * Plans what happens when the subscription's current period ends: a renewal for monthly and annual
 * terms; for prepaid, the expiry and, unless its day has passed, the notice 10 days before.
 */
export async function planPeriodEnd(
  jobs: JobScheduler,
  uow: UnitOfWork,
  subscription: SubscriptionEntity,
  timeZone: string,
  now: Date,
): Promise<void> {
  const periodEnd = subscription.currentPeriodEnd!;
  const job = {
    key: periodJobKey(subscription.id, periodEnd),
    accountId: subscription.accountId,
    payload: { subscriptionId: subscription.id, periodEnd } satisfies PeriodJobPayload,
  };
  if (!isPrepaid(subscription.term)) {
    await jobs.schedule(uow, { ...job, kind: RENEWAL_JOB, dueAt: periodEndsAt(periodEnd, timeZone) });
    return;
  }
  await jobs.schedule(uow, { ...job, kind: EXPIRY_JOB, dueAt: periodEndsAt(periodEnd, timeZone) });
  const noticeAt = startOfDayInZone(addDays(periodEnd, -EXPIRING_NOTICE_DAYS), timeZone);
  if (noticeAt > now) await jobs.schedule(uow, { ...job, kind: EXPIRING_NOTICE_JOB, dueAt: noticeAt });
}

/** Cancels the expiry and notice planned for a prepaid period that an extension replaced. */
export async function cancelPeriodEnd(
  jobs: JobScheduler,
  uow: UnitOfWork,
  subscriptionId: string,
  periodEnd: IsoDate,
): Promise<void> {
  const key = periodJobKey(subscriptionId, periodEnd);
  await jobs.cancel(uow, EXPIRY_JOB, key);
  await jobs.cancel(uow, EXPIRING_NOTICE_JOB, key);
  await jobs.cancel(uow, RENEWAL_JOB, key);
}
