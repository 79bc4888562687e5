import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { SubmissionTarget } from './submission-target';

export type SubmissionStatus = 'held' | 'queued' | 'uploaded' | 'accepted' | 'rejected';

/**
 * A document's way through ANAF: held (manual mode, until the owner sends it) or queued, uploaded (an
 * index to poll), then accepted or rejected. A staff retry starts a new attempt of the same document.
 */
export interface Submission extends SubmissionTarget {
  documentId: string;
  accountId: string;
  invoiceId: string;
  status: SubmissionStatus;
  uploadIndex: string | null;
  downloadId: string | null;
  anafErrors: string[];
  ruleIds: string[];
  polls: number;
  queuedAt: Date;
  uploadedAt: Date | null;
  settledAt: Date | null;
  /** The subject of the certificate whose signature of the archive was checked. */
  signer: string | null;
  /** 1, then one more for each staff retry. */
  attempt: number;
}

/** An attempt that ended (rejected or failed) and was retried by staff: kept as it was, with who retried it and why. */
export interface SubmissionAttempt {
  attempt: number;
  status: SubmissionStatus;
  uploadIndex: string | null;
  downloadId: string | null;
  anafErrors: string[];
  ruleIds: string[];
  archived: boolean;
  queuedAt: Date;
  uploadedAt: Date | null;
  settledAt: Date | null;
  retriedAt: Date;
  retriedBy: string;
  reason: string;
}

/** What a poll or an upload changes. */
export type SubmissionChange = Partial<
  Pick<
    Submission,
    | 'status'
    | 'uploadIndex'
    | 'downloadId'
    | 'anafErrors'
    | 'ruleIds'
    | 'polls'
    | 'uploadedAt'
    | 'settledAt'
    | 'signer'
    | 'queuedAt'
    | 'attempt'
  >
> & { archive?: Buffer | null };

interface SubmissionRow {
  document_id: string;
  account_id: string;
  invoice_id: string;
  cif: string;
  endpoint: 'upload' | 'uploadb2c';
  standard: 'UBL' | 'CN';
  extern: boolean;
  status: SubmissionStatus;
  upload_index: string | null;
  download_id: string | null;
  anaf_errors: string[];
  rule_ids: string[];
  polls: number;
  queued_at: Date;
  uploaded_at: Date | null;
  settled_at: Date | null;
  signer: string | null;
  attempt: number;
}

const COLUMNS = `document_id, account_id, invoice_id, cif, endpoint, standard, extern, status, upload_index, download_id,
  anaf_errors, rule_ids, polls, queued_at, uploaded_at, settled_at, signer, attempt`;

const submissionOf = (row: SubmissionRow): Submission => ({
  documentId: row.document_id,
  accountId: row.account_id,
  invoiceId: row.invoice_id,
  cif: row.cif,
  endpoint: row.endpoint,
  standard: row.standard,
  extern: row.extern,
  status: row.status,
  uploadIndex: row.upload_index,
  downloadId: row.download_id,
  anafErrors: row.anaf_errors,
  ruleIds: row.rule_ids,
  polls: row.polls,
  queuedAt: row.queued_at,
  uploadedAt: row.uploaded_at,
  settledAt: row.settled_at,
  signer: row.signer,
  attempt: row.attempt,
});

const COLUMN_OF: Record<keyof SubmissionChange, string> = {
  status: 'status',
  uploadIndex: 'upload_index',
  downloadId: 'download_id',
  anafErrors: 'anaf_errors',
  ruleIds: 'rule_ids',
  polls: 'polls',
  uploadedAt: 'uploaded_at',
  settledAt: 'settled_at',
  archive: 'archive',
  signer: 'signer',
  queuedAt: 'queued_at',
  attempt: 'attempt',
};

/** The submissions, one per valid document; the archive (ANAF's signed ZIP) is read only when asked for. */
@Injectable()
export class SubmissionsRepository {
  /** A new submission, queued (or held, in manual mode); nothing when the document has one. */
  async insertIfAbsent(
    { manager }: UnitOfWork,
    s: Pick<Submission, keyof SubmissionTarget | 'documentId' | 'accountId' | 'invoiceId' | 'queuedAt'> & {
      status?: 'queued' | 'held';
    },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO efactura_gateway.submissions (document_id, account_id, invoice_id, cif, endpoint, standard, extern, status, queued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $9, $8) ON CONFLICT DO NOTHING RETURNING document_id`,
      [s.documentId, s.accountId, s.invoiceId, s.cif, s.endpoint, s.standard, s.extern, s.queuedAt, s.status ?? 'queued'],
    );
    return rows.length > 0;
  }

  /** The submission, locked until the unit of work ends (an upload and a poll of it never interleave). */
  async lock({ manager }: UnitOfWork, documentId: string): Promise<Submission | undefined> {
    const rows: SubmissionRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM efactura_gateway.submissions WHERE document_id = $1 FOR UPDATE`,
      [documentId],
    );
    return rows[0] ? submissionOf(rows[0]) : undefined;
  }

  /** The account's submission of an invoice (or credit note), locked until the unit of work ends. */
  async lockByInvoice({ manager }: UnitOfWork, accountId: string, invoiceId: string): Promise<Submission | undefined> {
    const rows: SubmissionRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM efactura_gateway.submissions WHERE account_id = $1 AND invoice_id = $2 FOR UPDATE`,
      [accountId, invoiceId],
    );
    return rows[0] ? submissionOf(rows[0]) : undefined;
  }

  /** The account's held submissions (manual mode), locked, oldest first. */
  async lockHeld({ manager }: UnitOfWork, accountId: string): Promise<Submission[]> {
    const rows: SubmissionRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM efactura_gateway.submissions WHERE account_id = $1 AND status = 'held'
        ORDER BY queued_at, document_id FOR UPDATE`,
      [accountId],
    );
    return rows.map(submissionOf);
  }

  /** Keeps the attempt that ended, as it is now (its archive included), with who retried it and why. */
  async keepAttempt(
    { manager }: UnitOfWork,
    documentId: string,
    retry: { retriedAt: Date; retriedBy: string; reason: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO efactura_gateway.submission_attempts (document_id, attempt, account_id, status, upload_index, download_id,
         anaf_errors, rule_ids, archive, signer, polls, queued_at, uploaded_at, settled_at, retried_at, retried_by, reason)
       SELECT document_id, attempt, account_id, status, upload_index, download_id, anaf_errors, rule_ids, archive, signer, polls,
              queued_at, uploaded_at, settled_at, $2, $3, $4
         FROM efactura_gateway.submissions WHERE document_id = $1`,
      [documentId, retry.retriedAt, retry.retriedBy, retry.reason],
    );
  }

  /** The earlier attempts of a document, oldest first. */
  async attemptsOf({ manager }: UnitOfWork, accountId: string, documentId: string): Promise<SubmissionAttempt[]> {
    const rows: {
      attempt: number;
      status: SubmissionStatus;
      upload_index: string | null;
      download_id: string | null;
      anaf_errors: string[];
      rule_ids: string[];
      archived: boolean;
      queued_at: Date;
      uploaded_at: Date | null;
      settled_at: Date | null;
      retried_at: Date;
      retried_by: string;
      reason: string;
    }[] = await manager.query(
      `SELECT attempt, status, upload_index, download_id, anaf_errors, rule_ids, archive IS NOT NULL AS archived, queued_at,
              uploaded_at, settled_at, retried_at, retried_by, reason
         FROM efactura_gateway.submission_attempts WHERE account_id = $1 AND document_id = $2 ORDER BY attempt`,
      [accountId, documentId],
    );
    return rows.map((row) => ({
      attempt: row.attempt,
      status: row.status,
      uploadIndex: row.upload_index,
      downloadId: row.download_id,
      anafErrors: row.anaf_errors,
      ruleIds: row.rule_ids,
      archived: row.archived,
      queuedAt: new Date(row.queued_at),
      uploadedAt: row.uploaded_at ? new Date(row.uploaded_at) : null,
      settledAt: row.settled_at ? new Date(row.settled_at) : null,
      retriedAt: new Date(row.retried_at),
      retriedBy: row.retried_by,
      reason: row.reason,
    }));
  }

  /** The XML to send, only for a document the official checks passed. */
  async validXml({ manager }: UnitOfWork, documentId: string): Promise<string | undefined> {
    const rows: { xml: string }[] = await manager.query(
      `SELECT xml FROM efactura_gateway.documents WHERE id = $1 AND valid AND status = 'valid' AND xml <> ''`,
      [documentId],
    );
    return rows[0]?.xml;
  }

  async update({ manager }: UnitOfWork, documentId: string, change: SubmissionChange): Promise<void> {
    const entries = Object.entries(change).filter(([, value]) => value !== undefined) as [keyof SubmissionChange, unknown][];
    if (entries.length === 0) return;
    const sets = entries.map(([key], i) => `${COLUMN_OF[key]} = $${i + 2}`).join(', ');
    const values = entries.map(([key, value]) => (key === 'anafErrors' || key === 'ruleIds' ? JSON.stringify(value) : value));
    await manager.query(`UPDATE efactura_gateway.submissions SET ${sets} WHERE document_id = $1`, [documentId, ...values]);
  }

  /** The number of the invoice (or credit note) a document is the XML of, for the events that name it. */
  async invoiceNumberOf({ manager }: UnitOfWork, accountId: string, documentId: string): Promise<string> {
    const rows: { invoice_number: string }[] = await manager.query(
      `SELECT invoice_number FROM efactura_gateway.documents WHERE account_id = $1 AND id = $2`,
      [accountId, documentId],
    );
    return rows[0]?.invoice_number ?? '';
  }

  async findByInvoice(
    { manager }: UnitOfWork,
    accountId: string,
    invoiceId: string,
  ): Promise<(Submission & { archived: boolean }) | undefined> {
    const rows: (SubmissionRow & { archived: boolean })[] = await manager.query(
      `SELECT ${COLUMNS}, archive IS NOT NULL AS archived FROM efactura_gateway.submissions WHERE account_id = $1 AND invoice_id = $2`,
      [accountId, invoiceId],
    );
    return rows[0] ? { ...submissionOf(rows[0]), archived: rows[0].archived } : undefined;
  }

  /** ANAF's ZIP as downloaded, unchanged, with the names it is served under. */
  async archiveOf(
    { manager }: UnitOfWork,
    accountId: string,
    invoiceId: string,
  ): Promise<{ zip: Buffer; uploadIndex: string; invoiceNumber: string } | undefined> {
    const rows: { archive: Buffer; upload_index: string; invoice_number: string }[] = await manager.query(
      `SELECT s.archive, s.upload_index, d.invoice_number FROM efactura_gateway.submissions s
         JOIN efactura_gateway.documents d ON d.id = s.document_id
        WHERE s.account_id = $1 AND s.invoice_id = $2 AND s.archive IS NOT NULL`,
      [accountId, invoiceId],
    );
    const row = rows[0];
    return row ? { zip: row.archive, uploadIndex: row.upload_index, invoiceNumber: row.invoice_number } : undefined;
  }
}
