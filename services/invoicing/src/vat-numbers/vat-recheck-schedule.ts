/** The scheduled job that asks VIES again about a number it could not check (V3). */
export const VAT_RECHECK_JOB = 'vat-number-recheck';

/** What a re-check job carries: the number it is about and the check that left it pending. */
export interface VatRecheckPayload extends Record<string, unknown> {
  vatNumber: string;
  /** The check whose outcome scheduled this job; a job about an older check is stale and does nothing. */
  afterCheckId: string;
  /** Re-checks already run for this number, 0 for the first. */
  attempt: number;
}

const MINUTE = 60_000;
const DAILY = 24 * 60 * MINUTE;

/** 15 min, 1 h, 6 h, then daily: VIES outages are usually short, a member state's registry may be down for days. */
export const VAT_RECHECK_DELAYS_MS: readonly number[] = [15 * MINUTE, 60 * MINUTE, 6 * 60 * MINUTE];

/** When the re-check after `attempt` earlier re-checks is due, from the instant VIES last could not answer. */
export function vatRecheckDueAt(from: Date, attempt: number): Date {
  return new Date(from.getTime() + (VAT_RECHECK_DELAYS_MS[attempt] ?? DAILY));
}

/** Each pending check gets its own job, so a new save never collides with the job of an earlier one. */
export const vatRecheckKey = (accountId: string, afterCheckId: string): string => `${accountId}:${afterCheckId}`;
