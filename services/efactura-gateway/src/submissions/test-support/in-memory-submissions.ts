import { UnitOfWork } from '@obolus/messaging';
import { Submission, SubmissionAttempt, SubmissionChange, SubmissionsRepository } from '../submissions.repository';

type Row = Submission & { archive: Buffer | null; valid: boolean };

/** The submissions (and kept attempts) in memory, for use-case specs. */
export class InMemorySubmissions
  implements
    Pick<
      SubmissionsRepository,
      'lockByInvoice' | 'lockHeld' | 'validXml' | 'update' | 'findByInvoice' | 'keepAttempt' | 'attemptsOf'
    >
{
  readonly rows = new Map<string, Row>();
  readonly attempts: (SubmissionAttempt & { documentId: string; accountId: string })[] = [];

  add(row: Partial<Row> & Pick<Row, 'documentId' | 'accountId' | 'invoiceId' | 'status'>): Row {
    const full: Row = {
      cif: '14040242',
      endpoint: 'upload',
      standard: 'UBL',
      extern: false,
      uploadIndex: null,
      downloadId: null,
      anafErrors: [],
      ruleIds: [],
      polls: 0,
      queuedAt: new Date('2026-12-01T08:00:00Z'),
      uploadedAt: null,
      settledAt: null,
      signer: null,
      attempt: 1,
      archive: null,
      valid: true,
      ...row,
    };
    this.rows.set(full.documentId, full);
    return full;
  }

  async lockByInvoice(_uow: UnitOfWork, accountId: string, invoiceId: string): Promise<Submission | undefined> {
    return [...this.rows.values()].find((r) => r.accountId === accountId && r.invoiceId === invoiceId);
  }

  async lockHeld(_uow: UnitOfWork, accountId: string): Promise<Submission[]> {
    return [...this.rows.values()].filter((r) => r.accountId === accountId && r.status === 'held');
  }

  async validXml(_uow: UnitOfWork, documentId: string): Promise<string | undefined> {
    return this.rows.get(documentId)?.valid ? '<Invoice/>' : undefined;
  }

  async update(_uow: UnitOfWork, documentId: string, change: SubmissionChange): Promise<void> {
    const row = this.rows.get(documentId);
    if (!row) return;
    for (const [key, value] of Object.entries(change)) if (value !== undefined) Object.assign(row, { [key]: value });
  }

  async findByInvoice(uow: UnitOfWork, accountId: string, invoiceId: string) {
    const row = await this.lockByInvoice(uow, accountId, invoiceId);
    return row ? { ...row, archived: (row as Row).archive !== null } : undefined;
  }

  async keepAttempt(
    _uow: UnitOfWork,
    documentId: string,
    retry: { retriedAt: Date; retriedBy: string; reason: string },
  ): Promise<void> {
    const row = this.rows.get(documentId);
    if (!row) return;
    this.attempts.push({
      documentId,
      accountId: row.accountId,
      attempt: row.attempt,
      status: row.status,
      uploadIndex: row.uploadIndex,
      downloadId: row.downloadId,
      anafErrors: [...row.anafErrors],
      ruleIds: [...row.ruleIds],
      archived: row.archive !== null,
      queuedAt: row.queuedAt,
      uploadedAt: row.uploadedAt,
      settledAt: row.settledAt,
      ...retry,
    });
  }

  async attemptsOf(_uow: UnitOfWork, accountId: string, documentId: string): Promise<SubmissionAttempt[]> {
    return this.attempts
      .filter((a) => a.accountId === accountId && a.documentId === documentId)
      .map(({ documentId: _d, accountId: _a, ...attempt }) => attempt);
  }
}
