import { JobScheduler } from '@obolus/messaging';
import { InMemoryJobScheduler, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { UPLOAD_JOB } from '../../../submissions/submission-jobs.schedule';
import { INCOMING_POLL_JOB } from '../../../incoming/incoming-schedule';
import { StopAccountBillingCommand } from './stop-account-billing.command';
import { StopAccountBillingUseCase } from './stop-account-billing.use-case';

describe('StopAccountBillingUseCase', () => {
  const closed = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
  const uow = new RecordingUnitOfWork(new SettableClock(new Date('2026-03-10T10:00:00Z')));

  it('stops listing supplier invoices but keeps uploading the issued invoices to ANAF', async () => {
    const jobs = new InMemoryJobScheduler();
    const dueAt = new Date('2026-03-10T10:15:00Z');
    await jobs.schedule(uow, { kind: INCOMING_POLL_JOB, key: `${closed}:12345678`, accountId: closed, dueAt });
    await jobs.schedule(uow, { kind: UPLOAD_JOB, key: 'document-1', accountId: closed, dueAt });

    await new StopAccountBillingUseCase(jobs as unknown as JobScheduler).execute(
      StopAccountBillingCommand.create({ accountId: closed }),
      uow,
    );

    expect(jobs.pending(INCOMING_POLL_JOB, `${closed}:12345678`)).toBeUndefined();
    expect(jobs.pending(UPLOAD_JOB, 'document-1')).toMatchObject({ accountId: closed });
  });
});
