/** The durable job that purges one closed account at the end of its retention, keyed by the account's id. */
export const PURGE_CLOSED_ACCOUNT_JOB = 'identity.purge-closed-account';

export type PurgeClosedAccountJobPayload = Record<string, never>;
