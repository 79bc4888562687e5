import { AccountPurgedV1 } from '@obolus/contracts';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { InMemoryAccountClocks, InMemoryJobScheduler, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import pino from 'pino';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { InMemoryAuditLog } from '../../../audit/test-support/in-memory-audit-log';
import { SignInThrottle } from '../../../auth/sign-in-throttle';
import { IdentityConfig } from '../../../identity.config';
import { PURGE_CLOSED_ACCOUNT_JOB } from '../../account-purge-job';
import { AccountsRepository } from '../../accounts.repository';
import { InMemoryAccounts } from '../../test-support/in-memory-accounts';
import { CountingSignInThrottle, RecordingUnitOfWorkRunner } from '../../test-support/stand-ins';
import { PurgeClosedAccountUseCase } from '../purge-closed-account/purge-closed-account.use-case';
import { PurgeClosedAccountsCommand } from './purge-closed-accounts.command';
import { PurgeClosedAccountsUseCase } from './purge-closed-accounts.use-case';

describe('PurgeClosedAccountsUseCase', () => {
  const clock = new SettableClock(new Date('2026-04-09T10:00:00Z'));
  const due = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
  const notYet = '1c6fad2f-4d2e-4b5f-9a4b-2c3d4e5f6071';
  let audit: InMemoryAuditLog;
  let tables: InMemoryAccounts;
  let runner: RecordingUnitOfWorkRunner;
  let jobs: InMemoryJobScheduler;
  let purge: PurgeClosedAccountsUseCase;

  beforeEach(async () => {
    audit = new InMemoryAuditLog();
    jobs = new InMemoryJobScheduler();
    tables = new InMemoryAccounts(audit, jobs);
    runner = new RecordingUnitOfWorkRunner(clock);
    const uow = new RecordingUnitOfWork(clock);
    for (const [id, purgeAfter] of [
      [due, '2026-04-09T09:59:59Z'],
      [notYet, '2026-04-09T10:00:01Z'],
    ] as const) {
      tables.seed({ id, status: 'blocked' }, { id: `${id.slice(0, -4)}0001`, email: `owner-${id}@example.fr` });
      await audit.record(uow, { event: 'sign-in.succeeded', accountId: id, clientIp: '203.0.113.7', details: { ua: 'x' } });
      await tables.schedulePurge(uow, id, new Date(purgeAfter));
    }
    purge = new PurgeClosedAccountsUseCase(
      { IDENTITY_PURGE_POLL_SECONDS: 60 } as IdentityConfig,
      pino({ level: 'silent' }),
      runner as unknown as UnitOfWorkRunner,
      tables as unknown as AccountsRepository,
      new PurgeClosedAccountUseCase(
        tables as unknown as AccountsRepository,
        audit as unknown as AuditLogRepository,
        new InMemoryAccountClocks(clock),
      ),
      new CountingSignInThrottle() as unknown as SignInThrottle,
      clock,
    );
  });

  it('purges an account whose retention has passed: no users, a tombstone, a trail without addresses', async () => {
    expect(await purge.execute()).toBe(1);
    expect(tables.accounts.get(due)).toMatchObject({ status: 'closed', companyName: '[purged]', purgedAt: clock.now() });
    expect([...tables.users.values()].filter((u) => u.accountId === due)).toEqual([]);
    expect(audit.entries.filter((e) => e.accountId === due)).toEqual([
      expect.objectContaining({ event: 'sign-in.succeeded', clientIp: null, details: {} }),
      expect.objectContaining({ event: 'account.purged' }),
    ]);
  });

  it('tells the other services to purge theirs, in the same unit of work', async () => {
    tables.accounts.get(due)!.closureRequestedAt = new Date('2026-03-10T10:00:00Z');
    await purge.execute();
    expect(runner.units.flatMap((unit) => unit.dataOf(AccountPurgedV1))).toEqual([
      { accountId: due, closureRequestedAt: '2026-03-10T10:00:00.000Z', purgedAt: '2026-04-09T10:00:00.000Z' },
    ]);
  });

  it('keeps an account whose retention has not passed, and purges it once it has', async () => {
    await purge.execute();
    expect(tables.accounts.get(notYet)).toMatchObject({ status: 'blocked', companyName: 'Atelier Dupont' });
    expect(await purge.execute()).toBe(0);
    clock.advance(2000);
    expect(await purge.execute()).toBe(1);
    expect(tables.accounts.get(notYet)!.status).toBe('closed');
  });

  it('purges each account in its own unit of work and stops at the batch size', async () => {
    clock.advance(2000);
    expect(await purge.execute(PurgeClosedAccountsCommand.create({ batch: 1 }))).toBe(1);
    expect(await purge.execute(PurgeClosedAccountsCommand.create({ batch: 1 }))).toBe(1);
    expect(runner.units).toHaveLength(2);
    expect(await purge.execute()).toBe(0);
  });

  it("leaves an account whose purge is a planned job to that job, which follows the account's time", async () => {
    await jobs.schedule(new RecordingUnitOfWork(clock), {
      kind: PURGE_CLOSED_ACCOUNT_JOB,
      key: due,
      accountId: due,
      dueAt: new Date('2026-04-09T09:59:59Z'),
    });
    await purge.execute();
    expect(tables.accounts.get(due)!.status).toBe('blocked');
    expect(await purge.execute()).toBe(0);
  });
});
