import { FailureKind } from '../failure-kind';

export interface JobRetryPolicy {
  /** The wait after the first failed run. */
  initialDelayMs: number;
  /** The longest wait between two runs. */
  maxDelayMs: number;
  /** Runs of a job failing for an unknown reason (a bug) before it is marked failed. */
  maxUnknownAttempts: number;
}

export const DEFAULT_JOB_RETRY: JobRetryPolicy = { initialDelayMs: 1_000, maxDelayMs: 5 * 60_000, maxUnknownAttempts: 5 };

/**
 * The wait before the next run after `attempts` failed runs: doubling from the initial delay, capped,
 * and jittered into its upper half so jobs that failed together do not retry together.
 */
export function retryDelayMs(attempts: number, policy: JobRetryPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(Math.max(attempts, 1) - 1, 30));
  return Math.round(base / 2 + random() * (base / 2));
}

export type FailureOutcome = { status: 'failed' } | { status: 'pending'; retryAt: Date };

/**
 * What a failed run leaves: transient failures are retried for as long as it takes, permanent ones
 * mark the job failed at once, unknown ones after `maxUnknownAttempts` runs.
 */
export function outcomeOfFailure(
  kind: FailureKind,
  attempts: number,
  now: Date,
  policy: JobRetryPolicy,
  random: () => number = Math.random,
): FailureOutcome {
  if (kind === 'permanent') return { status: 'failed' };
  if (kind === 'unknown' && attempts >= policy.maxUnknownAttempts) return { status: 'failed' };
  return { status: 'pending', retryAt: new Date(now.getTime() + retryDelayMs(attempts, policy, random)) };
}
