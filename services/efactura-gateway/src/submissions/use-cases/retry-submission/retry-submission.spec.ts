import { DomainError, StaffActionTakenV1 } from '@obolus/contracts';
import { AccountClocks, JobScheduler, ScheduledJob, UnitOfWork } from '@obolus/messaging';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { SubmissionQueue } from '../../submission-queue';
import { UPLOAD_JOB } from '../../submission-jobs.schedule';
import { InMemorySubmissions } from '../../test-support/in-memory-submissions';
import { RetrySubmissionCommand } from './retry-submission.command';
import { RetrySubmissionUseCase } from './retry-submission.use-case';

const NOW = new Date('2026-12-03T10:00:00Z');
/** The support agent retrying from the console. */
const SUPPORT = { staffUserId: '7d1c1a52-6a4c-4b8e-9a55-0e1b3f9d2c10', staffEmail: 'support@obolus.example' };

describe('RetrySubmissionUseCase', () => {
  let submissions: InMemorySubmissions;
  let scheduled: { documentId: string; attempt: number }[];
  let jobs: Map<string, Partial<ScheduledJob>>;
  let useCase: RetrySubmissionUseCase;
  let uow: RecordingUnitOfWork;
  const accountId = randomUUID();

  beforeEach(() => {
    submissions = new InMemorySubmissions();
    uow = new RecordingUnitOfWork();
    scheduled = [];
    jobs = new Map();
    const queue = {
      scheduleUpload: async (_u: UnitOfWork, doc: { documentId: string }, attempt: number) =>
        void scheduled.push({ documentId: doc.documentId, attempt }),
    } as unknown as SubmissionQueue;
    const scheduler = {
      find: async (_u: UnitOfWork, kind: string, key: string) => jobs.get(`${kind}/${key}`),
    } as unknown as JobScheduler;
    const clocks = { now: async () => NOW } as unknown as AccountClocks;
    useCase = new RetrySubmissionUseCase(submissions as never, queue, scheduler, clocks);
  });

  const command = (invoiceId: string, reason = 'authorisation renewed') =>
    RetrySubmissionCommand.create({ accountId, invoiceId, reason, retriedBy: 'staff:s1', ...SUPPORT });

  it('keeps the rejected attempt with who and why, and queues attempt 2 of the same document', async () => {
    const row = submissions.add({
      documentId: randomUUID(),
      accountId,
      invoiceId: randomUUID(),
      status: 'rejected',
      uploadIndex: '5001',
      downloadId: '9001',
      anafErrors: ['E: [BR-RO-010] no'],
      ruleIds: ['BR-RO-010'],
      archive: Buffer.from('zip'),
      settledAt: new Date('2026-12-02T10:00:00Z'),
    });
    const view = await useCase.execute(command(row.invoiceId), uow);
    expect(view).toMatchObject({
      status: 'queued',
      attempt: 2,
      uploadIndex: null,
      downloadId: null,
      anafErrors: [],
      archived: false,
    });
    expect(view.queuedAt).toBe(NOW.toISOString());
    expect(view.previousAttempts).toEqual([
      expect.objectContaining({
        attempt: 1,
        status: 'rejected',
        uploadIndex: '5001',
        ruleIds: ['BR-RO-010'],
        archived: true,
        retriedBy: 'staff:s1',
        reason: 'authorisation renewed',
        retriedAt: NOW.toISOString(),
      }),
    ]);
    expect(scheduled).toEqual([{ documentId: row.documentId, attempt: 2 }]);
    // Who retried it, and why, for the account's audit log.
    expect(uow.dataOf(StaffActionTakenV1)).toEqual([
      {
        accountId,
        ...SUPPORT,
        action: 'efactura.retried',
        reason: 'authorisation renewed',
        subject: { type: 'invoice', id: row.invoiceId },
        details: { documentId: row.documentId, attempt: 2, previousStatus: 'rejected' },
        occurredAt: NOW.toISOString(),
      },
    ]);
  });

  it('retries a queued submission only when its upload job failed for good', async () => {
    const row = submissions.add({ documentId: randomUUID(), accountId, invoiceId: randomUUID(), status: 'queued' });
    jobs.set(`${UPLOAD_JOB}/${row.documentId}`, { status: 'pending' });
    await expect(useCase.execute(command(row.invoiceId), uow)).rejects.toMatchObject({ code: 'SUBMISSION_NOT_RETRYABLE' });
    expect(scheduled).toEqual([]);
    jobs.set(`${UPLOAD_JOB}/${row.documentId}`, { status: 'failed' });
    expect(await useCase.execute(command(row.invoiceId), uow)).toMatchObject({ status: 'queued', attempt: 2 });
  });

  it('refuses accepted, uploaded and held submissions (409), and another account’s (404), changing nothing', async () => {
    for (const status of ['accepted', 'uploaded', 'held'] as const) {
      const row = submissions.add({ documentId: randomUUID(), accountId, invoiceId: randomUUID(), status });
      const refusal = await useCase.execute(command(row.invoiceId), uow).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({ code: 'SUBMISSION_NOT_RETRYABLE', kind: 'conflict' });
      expect(submissions.rows.get(row.documentId)).toMatchObject({ status, attempt: 1 });
    }
    const other = submissions.add({
      documentId: randomUUID(),
      accountId: randomUUID(),
      invoiceId: randomUUID(),
      status: 'rejected',
    });
    await expect(useCase.execute(command(other.invoiceId), uow)).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    expect(submissions.attempts).toEqual([]);
    expect(uow.emitted).toHaveLength(0);
    expect(scheduled).toEqual([]);
  });

  it('needs a reason of 3 to 500 characters on one line', () => {
    for (const reason of ['', 'two\nlines', 'ok']) {
      let refusal: unknown;
      try {
        command(randomUUID(), reason);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DomainError);
      expect((refusal as DomainError<string>).fields.map((f) => f.field)).toContain('reason');
    }
  });
});
