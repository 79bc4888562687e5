import { InMemoryJobScheduler, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { JobScheduler } from '@obolus/messaging';
import { RENEWAL_JOB } from '../../../subscriptions/period-schedule';
import { TRIAL_END_JOB, TRIAL_ENDING_NOTICE_JOB } from '../../../subscriptions/trial-schedule';
import { StopAccountBillingCommand } from './stop-account-billing.command';
import { StopAccountBillingUseCase } from './stop-account-billing.use-case';

describe('StopAccountBillingUseCase', () => {
  const closed = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
  const other = '7c0a7d52-5b3e-4f7e-9a51-0d3c2b1a0e11';
  const uow = new RecordingUnitOfWork(new SettableClock(new Date('2026-03-10T10:00:00Z')));
  const dueAt = new Date('2026-04-01T00:00:00Z');

  it("removes the closed account's renewal and trial jobs at once, and no other account's", async () => {
    const jobs = new InMemoryJobScheduler();
    await jobs.schedule(uow, { kind: RENEWAL_JOB, key: `${closed}:2`, accountId: closed, dueAt });
    await jobs.schedule(uow, { kind: TRIAL_END_JOB, key: closed, accountId: closed, dueAt });
    await jobs.schedule(uow, { kind: TRIAL_ENDING_NOTICE_JOB, key: closed, accountId: closed, dueAt });
    await jobs.schedule(uow, { kind: RENEWAL_JOB, key: `${other}:2`, accountId: other, dueAt });
    const stop = new StopAccountBillingUseCase(jobs as unknown as JobScheduler);

    await stop.execute(StopAccountBillingCommand.create({ accountId: closed }), uow);
    expect([...jobs.jobs.values()].map((job) => `${job.kind} ${job.accountId}`)).toEqual([`${RENEWAL_JOB} ${other}`]);
    await stop.execute(StopAccountBillingCommand.create({ accountId: closed }), uow);
    expect(jobs.jobs.size).toBe(1);
  });

  it('refuses a command without an account id', () => {
    expect(() => StopAccountBillingCommand.create({ accountId: 'nope' })).toThrow(/accountId/);
  });
});
