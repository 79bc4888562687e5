import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { SubmissionQueue } from '../../submission-queue';
import { InMemorySubmissions } from '../../test-support/in-memory-submissions';
import { UploadHeldDocumentCommand } from './upload-held-document.command';
import { UploadHeldDocumentUseCase } from './upload-held-document.use-case';

const uow = {} as UnitOfWork;
const NOW = new Date('2026-12-03T10:00:00Z');

describe('UploadHeldDocumentUseCase', () => {
  const accountId = randomUUID();
  let submissions: InMemorySubmissions;
  let scheduled: { documentId: string; attempt: number }[];
  let useCase: UploadHeldDocumentUseCase;

  beforeEach(() => {
    submissions = new InMemorySubmissions();
    scheduled = [];
    const queue = {
      scheduleUpload: async (_u: UnitOfWork, doc: { documentId: string }, attempt: number) =>
        void scheduled.push({ documentId: doc.documentId, attempt }),
    } as unknown as SubmissionQueue;
    useCase = new UploadHeldDocumentUseCase(submissions as never, queue, { now: async () => NOW } as unknown as AccountClocks);
  });

  const send = (invoiceId: string, account = accountId) =>
    useCase.execute(UploadHeldDocumentCommand.create({ accountId: account, invoiceId }), uow);

  it('queues a held document and plans its upload', async () => {
    const row = submissions.add({ documentId: randomUUID(), accountId, invoiceId: randomUUID(), status: 'held' });
    expect(await send(row.invoiceId)).toMatchObject({ status: 'queued', attempt: 1, queuedAt: NOW.toISOString() });
    expect(scheduled).toEqual([{ documentId: row.documentId, attempt: 1 }]);
  });

  it('refuses a document that is not held (409), another account’s (404), and an id that is not a uuid (400)', async () => {
    const queued = submissions.add({ documentId: randomUUID(), accountId, invoiceId: randomUUID(), status: 'queued' });
    await expect(send(queued.invoiceId)).rejects.toMatchObject({ code: 'SUBMISSION_NOT_HELD', kind: 'conflict' });
    const held = submissions.add({ documentId: randomUUID(), accountId, invoiceId: randomUUID(), status: 'held' });
    await expect(send(held.invoiceId, randomUUID())).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND', kind: 'not-found' });
    expect(() => UploadHeldDocumentCommand.create({ accountId, invoiceId: 'nope' })).toThrow();
    expect(scheduled).toEqual([]);
    expect(submissions.rows.get(held.documentId)?.status).toBe('held');
  });
});
