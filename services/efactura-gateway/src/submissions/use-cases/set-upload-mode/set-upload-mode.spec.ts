import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { SubmissionQueue } from '../../submission-queue';
import { InMemorySubmissions } from '../../test-support/in-memory-submissions';
import { UploadMode, UploadSettingsRepository } from '../../upload-settings.repository';
import { SetUploadModeCommand } from './set-upload-mode.command';
import { SetUploadModeUseCase } from './set-upload-mode.use-case';

const uow = {} as UnitOfWork;
const NOW = new Date('2026-12-03T10:00:00Z');

describe('SetUploadModeUseCase', () => {
  const accountId = randomUUID();
  let submissions: InMemorySubmissions;
  let saved: { accountId: string; uploadMode: UploadMode; by: string }[];
  let scheduled: string[];
  let useCase: SetUploadModeUseCase;

  beforeEach(() => {
    submissions = new InMemorySubmissions();
    saved = [];
    scheduled = [];
    const settings = {
      save: async (_u: UnitOfWork, s: { accountId: string; uploadMode: UploadMode; by: string }) => void saved.push(s),
    } as unknown as UploadSettingsRepository;
    const queue = {
      scheduleUpload: async (_u: UnitOfWork, doc: { documentId: string }) => void scheduled.push(doc.documentId),
    } as unknown as SubmissionQueue;
    useCase = new SetUploadModeUseCase(settings, submissions as never, queue, {
      now: async () => NOW,
    } as unknown as AccountClocks);
  });

  const set = (uploadMode: UploadMode) =>
    useCase.execute(SetUploadModeCommand.create({ accountId, uploadMode, changedBy: 'user:u1' }), uow);

  it('saves manual and queues nothing', async () => {
    submissions.add({ documentId: randomUUID(), accountId, invoiceId: randomUUID(), status: 'held' });
    expect(await set('manual')).toEqual({ uploadMode: 'manual', updatedAt: NOW.toISOString(), queued: 0 });
    expect(saved).toEqual([expect.objectContaining({ accountId, uploadMode: 'manual', by: 'user:u1' })]);
    expect(scheduled).toEqual([]);
  });

  it('back to automatic, queues the account’s held documents, and only those', async () => {
    const held = submissions.add({ documentId: randomUUID(), accountId, invoiceId: randomUUID(), status: 'held' });
    submissions.add({ documentId: randomUUID(), accountId, invoiceId: randomUUID(), status: 'rejected' });
    submissions.add({ documentId: randomUUID(), accountId: randomUUID(), invoiceId: randomUUID(), status: 'held' });
    expect(await set('automatic')).toMatchObject({ uploadMode: 'automatic', queued: 1 });
    expect(scheduled).toEqual([held.documentId]);
    expect(submissions.rows.get(held.documentId)?.status).toBe('queued');
  });

  it('refuses a mode it does not know, naming the field', () => {
    expect(() => SetUploadModeCommand.create({ accountId, uploadMode: 'sometimes' as UploadMode, changedBy: 'user:u1' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'uploadMode' })] }) as unknown as Error,
    );
  });
});
