import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { SubmissionStatus } from '../submissions/submissions.repository';

/** Where a document stands against its deadline: its own verdict and its submission's state, if queued. */
export interface DeadlineStanding {
  documentId: string;
  accountId: string;
  invoiceId: string;
  invoiceNumber: string;
  issueDate: string;
  uploadDeadline: string;
  valid: boolean;
  deadlineMissedAt: Date | null;
  /** Null when the document was never queued (invalid, or no CUI to upload under). */
  submissionStatus: SubmissionStatus | null;
}

interface StandingRow {
  id: string;
  account_id: string;
  invoice_id: string;
  invoice_number: string;
  issue_date: string;
  upload_deadline: string;
  valid: boolean;
  deadline_missed_at: Date | null;
  submission_status: SubmissionStatus | null;
}

/** The deadlines of the documents (E2): read with their submission, and the record of a missed one. */
@Injectable()
export class DeadlinesRepository {
  /** The document locked until the unit of work ends (an alert and a missed deadline of it never interleave). */
  async lockStanding({ manager }: UnitOfWork, documentId: string): Promise<DeadlineStanding | undefined> {
    const rows: StandingRow[] = await manager.query(
      `SELECT d.id, d.account_id, d.invoice_id, d.invoice_number, to_char(d.issue_date, 'YYYY-MM-DD') AS issue_date,
              to_char(d.upload_deadline, 'YYYY-MM-DD') AS upload_deadline, d.valid, d.deadline_missed_at, s.status AS submission_status
         FROM efactura_gateway.documents d
         LEFT JOIN efactura_gateway.submissions s ON s.document_id = d.id AND s.account_id = d.account_id
        WHERE d.id = $1
          FOR UPDATE OF d`,
      [documentId],
    );
    const row = rows[0];
    return row
      ? {
          documentId: row.id,
          accountId: row.account_id,
          invoiceId: row.invoice_id,
          invoiceNumber: row.invoice_number,
          issueDate: row.issue_date,
          uploadDeadline: row.upload_deadline,
          valid: row.valid,
          deadlineMissedAt: row.deadline_missed_at,
          submissionStatus: row.submission_status,
        }
      : undefined;
  }

  async markMissed({ manager }: UnitOfWork, accountId: string, documentId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE efactura_gateway.documents SET deadline_missed_at = $3 WHERE account_id = $1 AND id = $2 AND deadline_missed_at IS NULL`,
      [accountId, documentId, at],
    );
  }
}
