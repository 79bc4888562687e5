import { AccountPurgedV1 } from '@obolus/contracts';
import { JobHandler, ScheduledJob, ScheduledJobRunner } from '@obolus/messaging';
import { InMemoryAccountClocks, InMemoryJobScheduler, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { InMemoryAuditLog } from '../../../audit/test-support/in-memory-audit-log';
import { PURGE_CLOSED_ACCOUNT_JOB } from '../../account-purge-job';
import { AccountPurgeJobs } from '../../account-purge-jobs';
import { AccountsRepository } from '../../accounts.repository';
import { InMemoryAccounts } from '../../test-support/in-memory-accounts';
import { PurgeClosedAccountCommand } from './purge-closed-account.command';
import { PurgeClosedAccountUseCase } from './purge-closed-account.use-case';

describe('PurgeClosedAccountUseCase', () => {
  const clock = new SettableClock(new Date('2026-11-28T10:00:00Z'));
  const accountId = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
  const other = '1c6fad2f-4d2e-4b5f-9a4b-2c3d4e5f6071';
  const clockId = '5d1e2f30-4a5b-4c6d-8e7f-901a2b3c4d5e';
  const frozen = new Date('2027-02-14T00:00:00Z');
  let audit: InMemoryAuditLog;
  let tables: InMemoryAccounts;
  let accountClocks: InMemoryAccountClocks;
  let purgeAccount: PurgeClosedAccountUseCase;

  const purge = (id = accountId, uow = new RecordingUnitOfWork(clock)) =>
    purgeAccount.execute(PurgeClosedAccountCommand.create({ accountId: id }), uow);

  beforeEach(async () => {
    audit = new InMemoryAuditLog();
    tables = new InMemoryAccounts(audit);
    accountClocks = new InMemoryAccountClocks(clock).onTestClock(accountId, clockId, frozen);
    const uow = new RecordingUnitOfWork(clock);
    for (const id of [accountId, other]) {
      tables.seed(
        { id, status: 'blocked', closureRequestedAt: new Date('2027-01-15T00:00:00Z') },
        { id: `${id.slice(0, -4)}0001`, email: `owner-${id}@example.fr` },
      );
      await audit.record(uow, { event: 'sign-in.succeeded', accountId: id, clientIp: '203.0.113.7', details: { ua: 'x' } });
      await tables.schedulePurge(uow, id, frozen);
    }
    purgeAccount = new PurgeClosedAccountUseCase(
      tables as unknown as AccountsRepository,
      audit as unknown as AuditLogRepository,
      accountClocks,
    );
  });

  it("purges that one account in the account's time and tells the other services in the same unit of work", async () => {
    const uow = new RecordingUnitOfWork(clock);
    expect(await purge(accountId, uow)).toBe(true);
    expect(tables.accounts.get(accountId)).toMatchObject({ status: 'closed', companyName: '[purged]', purgedAt: frozen });
    expect([...tables.users.values()].filter((u) => u.accountId === accountId)).toEqual([]);
    expect(audit.entries.filter((e) => e.accountId === accountId)).toEqual([
      expect.objectContaining({ event: 'sign-in.succeeded', clientIp: null, details: {} }),
      expect.objectContaining({ event: 'account.purged' }),
    ]);
    expect(uow.dataOf(AccountPurgedV1)).toEqual([
      { accountId, closureRequestedAt: '2027-01-15T00:00:00.000Z', purgedAt: '2027-02-14T00:00:00.000Z' },
    ]);
    expect(tables.accounts.get(other)).toMatchObject({ status: 'blocked', companyName: 'Atelier Dupont' });
    expect([...tables.users.values()].filter((u) => u.accountId === other)).toHaveLength(1);
  });

  it('does nothing the second time: no second trail entry, no second account.purged', async () => {
    await purge();
    const uow = new RecordingUnitOfWork(clock);
    expect(await purge(accountId, uow)).toBe(false);
    expect(uow.emitted).toHaveLength(0);
    expect(audit.entries.filter((e) => e.event === 'account.purged')).toHaveLength(1);
  });

  it('does nothing for an account that was never closed', async () => {
    const open = '2d7fbe30-5e3f-4c60-8b5c-3d4e5f607182';
    tables.seed({ id: open }, { id: '2d7fbe30-5e3f-4c60-8b5c-3d4e5f600001', email: 'owner@open.fr' });
    expect(await purge(open)).toBe(false);
    expect(tables.accounts.get(open)!.status).toBe('active');
  });

  it("is the handler of the account's purge job", async () => {
    const handlers = new Map<string, JobHandler>();
    const runner = {
      register: (kind: string, handler: JobHandler) => handlers.set(kind, handler) && runner,
    } as unknown as ScheduledJobRunner;
    new AccountPurgeJobs(runner, purgeAccount).onModuleInit();
    const jobs = new InMemoryJobScheduler();
    const uow = new RecordingUnitOfWork(clock);
    await jobs.schedule(uow, { kind: PURGE_CLOSED_ACCOUNT_JOB, key: accountId, accountId, dueAt: frozen });
    const job = jobs.jobs.get(`${PURGE_CLOSED_ACCOUNT_JOB}/${accountId}`) as ScheduledJob;
    await handlers.get(PURGE_CLOSED_ACCOUNT_JOB)!(job, uow);
    await handlers.get(PURGE_CLOSED_ACCOUNT_JOB)!(job, uow);
    expect(tables.accounts.get(accountId)!.status).toBe('closed');
    expect(uow.dataOf(AccountPurgedV1)).toHaveLength(1);
  });
});
