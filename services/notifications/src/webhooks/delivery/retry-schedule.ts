/** The kind of the durable job that makes one attempt of one delivery. */
export const WEBHOOK_ATTEMPT_JOB = 'notifications.webhook-attempt';

/**
 * The waits between attempts of a delivery, from the previous attempt's due instant: 10 attempts over
 * about 3 days and 4 hours. Then the delivery has failed and its endpoint is marked failing.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  14 * 3_600_000,
  20 * 3_600_000,
  24 * 3_600_000,
];

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** When attempt `attempt + 1` is due after attempt `attempt` (1-based) was due at `dueAt`; undefined after the last. */
export function nextAttemptDue(attempt: number, dueAt: Date): Date | undefined {
  const delay = RETRY_DELAYS_MS[attempt - 1];
  return delay === undefined ? undefined : new Date(dueAt.getTime() + delay);
}

/** The payload of an attempt job. */
export interface AttemptJobPayload extends Record<string, unknown> {
  deliveryId: string;
  trigger: 'schedule' | 'replay' | 'test';
  /** The place of a scheduled attempt in the retry schedule, from 1 (replays and tests are outside it). */
  attempt?: number;
}

/** `msg_` and the delivery id without dashes: the `webhook-id` of every attempt of the delivery. */
export function messageIdOf(deliveryId: string): string {
  return `msg_${deliveryId.replace(/-/g, '')}`;
}
