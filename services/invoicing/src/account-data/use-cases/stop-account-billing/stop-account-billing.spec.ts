import { JobScheduler } from '@obolus/messaging';
import { InMemoryJobScheduler, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { PROFORMA_REMINDER_JOB } from '../../../proformas/proforma-reminders';
import { VAT_RECHECK_JOB } from '../../../vat-numbers/vat-recheck-schedule';
import { StopAccountBillingCommand } from './stop-account-billing.command';
import { StopAccountBillingUseCase } from './stop-account-billing.use-case';

describe('StopAccountBillingUseCase', () => {
  const closed = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
  const other = '7c0a7d52-5b3e-4f7e-9a51-0d3c2b1a0e11';
  const uow = new RecordingUnitOfWork(new SettableClock(new Date('2026-03-10T10:00:00Z')));

  it("removes the closed account's VIES re-checks and proforma reminders at once, and no other account's", async () => {
    const jobs = new InMemoryJobScheduler();
    const dueAt = new Date('2026-03-11T10:00:00Z');
    await jobs.schedule(uow, { kind: VAT_RECHECK_JOB, key: closed, accountId: closed, dueAt });
    await jobs.schedule(uow, { kind: VAT_RECHECK_JOB, key: other, accountId: other, dueAt });
    await jobs.schedule(uow, { kind: PROFORMA_REMINDER_JOB, key: 'OBRO-P-2026-000001:7', accountId: closed, dueAt });

    await new StopAccountBillingUseCase(jobs as unknown as JobScheduler).execute(
      StopAccountBillingCommand.create({ accountId: closed }),
      uow,
    );

    expect(jobs.pending(VAT_RECHECK_JOB, closed)).toBeUndefined();
    expect(jobs.pending(PROFORMA_REMINDER_JOB, 'OBRO-P-2026-000001:7')).toBeUndefined();
    expect(jobs.pending(VAT_RECHECK_JOB, other)).toMatchObject({ accountId: other });
  });
});
