import { Injectable } from '@nestjs/common';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { PaymentEntity } from './entities/payment.entity';

/** The durable job that tries a failed payment again. */
export const DUNNING_RETRY_JOB = 'payments.dunning-retry';

/** Days after the first failure on which a payment is tried again (Stripe Smart Retries' default spacing, P4). */
export const RETRY_DAYS: readonly number[] = [3, 5, 7];

/** The first try and its retries. */
export const MAX_TRIES = RETRY_DAYS.length + 1;

const DAY_MS = 86_400_000;

export interface RetryJobPayload extends Record<string, unknown> {
  paymentId: string;
  /** The try this job makes, from 2. */
  attempt: number;
}

export const retryJobKey = (paymentId: string, attempt: number): string => `${paymentId}:${attempt}`;

/**
 * What follows a failed try (P4): the next one planned as a durable job on day 3, 5 or 7 after the
 * first failure, in the account's business time (a test clock moves it), or, after the fourth, the
 * payment is exhausted and the subscription follows its catalog (subscriptions hears payment.failed
 * with final). The state is returned for the caller to save with the failure, in its unit of work.
 */
@Injectable()
export class Dunning {
  constructor(private readonly scheduler: JobScheduler) {}

  async afterFailure(uow: UnitOfWork, payment: PaymentEntity, failedAt: Date): Promise<PaymentEntity> {
    const firstFailedAt = payment.firstFailedAt ?? failedAt;
    const days = RETRY_DAYS[payment.attempts - 1];
    if (days === undefined) return { ...payment, firstFailedAt, nextRetryAt: null, dunning: 'exhausted' };
    const nextRetryAt = new Date(new Date(firstFailedAt).getTime() + days * DAY_MS);
    await this.scheduler.schedule<RetryJobPayload>(uow, {
      kind: DUNNING_RETRY_JOB,
      key: retryJobKey(payment.id, payment.attempts + 1),
      accountId: payment.accountId,
      dueAt: nextRetryAt,
      payload: { paymentId: payment.id, attempt: payment.attempts + 1 },
    });
    return { ...payment, firstFailedAt, nextRetryAt, dunning: 'retrying' };
  }

  /** The customer gave a new payment method: a planned retry happens now instead of on its day. */
  async retryNow(uow: UnitOfWork, payment: PaymentEntity, now: Date): Promise<boolean> {
    if (payment.dunning !== 'retrying') return false;
    return this.scheduler.reschedule(uow, DUNNING_RETRY_JOB, retryJobKey(payment.id, payment.attempts + 1), now);
  }
}
