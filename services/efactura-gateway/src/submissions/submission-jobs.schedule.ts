/** One upload of one document (key: the document id; `<document id>:<attempt>` for a staff retry's attempt). */
export const UPLOAD_JOB = 'efactura-upload';
/** One stareMesaj of one upload (key: `<document id>:<poll number>`; `<document id>:<attempt>:<poll number>` after a retry). */
export const STATUS_JOB = 'efactura-status';

/** The key of the upload job of a submission's attempt (the first keeps the document id alone). */
export function uploadJobKey(documentId: string, attempt: number): string {
  return attempt <= 1 ? documentId : `${documentId}:${attempt}`;
}

/** The key of a status poll of a submission's attempt. */
export function statusJobKey(documentId: string, attempt: number, poll: number): string {
  return attempt <= 1 ? `${documentId}:${poll}` : `${documentId}:${attempt}:${poll}`;
}

export type UploadJobPayload = {
  documentId: string;
};

export type StatusJobPayload = {
  documentId: string;
  poll: number;
};

/** The longest wait between two polls: ANAF allows 100 stareMesaj per message per day. */
export const MAX_POLL_WAIT_MS = 60 * 60_000;

/** The wait before poll `poll` (from 1): the first after `firstMs`, then doubling, capped at an hour. */
export function pollWaitMs(poll: number, firstMs: number): number {
  return Math.min(MAX_POLL_WAIT_MS, Math.max(firstMs, 1_000) * 2 ** Math.min(Math.max(poll - 1, 0), 20));
}
