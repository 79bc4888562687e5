import type { JobOrdering } from '@obolus/messaging';

/** One listing of a CUI's received invoices (key: `<account>:<cif>:<chain>:<run>`). */
export const INCOMING_POLL_JOB = 'efactura-incoming-poll';

/**
 * The listings run in a lane of their own: one retrying while ANAF is down never holds back the
 * account's uploads (which would then wait for the listing rather than for ANAF), nor the other way.
 */
export const INCOMING_JOBS_ORDERING: JobOrdering = { lane: 'efactura-incoming' };

export type IncomingPollPayload = {
  accountId: string;
  cif: string;
  /** The authorisation the chain of polls belongs to (its connectedAt): a reconnection starts a new chain, the old one stops. */
  chain: string;
  run: number;
};

/** ANAF lists messages of the last 60 days; the first window starts a little inside that. */
const FIRST_WINDOW_MS = 59 * 24 * 3600_000;
/** Messages show in the lists up to ~15 minutes after they are made: each window reaches back over that. */
export const LISTING_OVERLAP_MS = 30 * 60_000;

/** The window of one listing: from where the last one ended (less the overlap), to now less the clock-skew lag. */
export function listingWindow(listedUntil: Date | null, now: Date, lagMs: number): { startTime: number; endTime: number } {
  const endTime = now.getTime() - lagMs;
  const earliest = now.getTime() - FIRST_WINDOW_MS;
  const startTime = listedUntil ? Math.max(earliest, listedUntil.getTime() - LISTING_OVERLAP_MS) : earliest;
  return { startTime: Math.min(startTime, endTime - 1), endTime };
}
