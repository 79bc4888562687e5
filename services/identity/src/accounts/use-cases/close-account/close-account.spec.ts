import { AccountClosureRequestedV1 } from '@obolus/contracts';
import { AccountClocks, JobScheduler } from '@obolus/messaging';
import { InMemoryAccountClocks, InMemoryJobScheduler, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { InMemoryAuditLog } from '../../../audit/test-support/in-memory-audit-log';
import { SignInThrottle } from '../../../auth/sign-in-throttle';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { IdentityConfig } from '../../../identity.config';
import { IdentityErrorCode } from '../../../identity.errors';
import { SessionRevocations } from '../../../sessions/session-revocations';
import { UsersRepository } from '../../../users/users.repository';
import { InMemoryUsers } from '../../../users/test-support/in-memory-users';
import { PURGE_CLOSED_ACCOUNT_JOB } from '../../account-purge-job';
import { AccountsRepository } from '../../accounts.repository';
import { InMemoryAccounts } from '../../test-support/in-memory-accounts';
import { CountingSignInThrottle, PlainPasswordHasher, RecordedRevocations } from '../../test-support/stand-ins';
import { CloseAccountCommand } from './close-account.command';
import { CloseAccountUseCase } from './close-account.use-case';

describe('CloseAccountUseCase', () => {
  const accountId = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
  const ownerUserId = '7c0a7d52-5b3e-4f7e-9a51-0d3c2b1a0e11';
  const clock = new SettableClock(new Date('2026-03-10T10:00:00Z'));
  let tables: InMemoryAccounts;
  let audit: InMemoryAuditLog;
  let throttle: CountingSignInThrottle;
  let revocations: RecordedRevocations;
  let jobs: InMemoryJobScheduler;
  let accountClocks: InMemoryAccountClocks;
  let closeAccount: CloseAccountUseCase;

  const close = (password: string, uow = new RecordingUnitOfWork(clock)) =>
    closeAccount.execute(
      CloseAccountCommand.create({
        accountId,
        ownerUserId,
        ownerEmail: 'owner@atelier-dupont.fr',
        password,
        clientIp: '203.0.113.7',
      }),
      uow,
    );

  beforeEach(() => {
    audit = new InMemoryAuditLog();
    tables = new InMemoryAccounts(audit);
    tables.seed(
      { id: accountId, locale: 'fr' },
      { id: ownerUserId, email: 'owner@atelier-dupont.fr', passwordHash: 'plain:right' },
    );
    throttle = new CountingSignInThrottle(3);
    revocations = new RecordedRevocations();
    jobs = new InMemoryJobScheduler();
    accountClocks = new InMemoryAccountClocks(clock);
    closeAccount = new CloseAccountUseCase(
      { IDENTITY_CLOSURE_RETENTION_DAYS: 30 } as IdentityConfig,
      tables as unknown as AccountsRepository,
      new InMemoryUsers(tables) as unknown as UsersRepository,
      revocations as unknown as SessionRevocations,
      new PlainPasswordHasher() as unknown as PasswordHasher,
      throttle as unknown as SignInThrottle,
      audit as unknown as AuditLogRepository,
      jobs as unknown as JobScheduler,
      accountClocks as AccountClocks,
    );
  });

  it('blocks the account, ends its sessions, schedules the purge after retention and announces the closure', async () => {
    const uow = new RecordingUnitOfWork(clock);
    const closure = await close('right', uow);
    expect(closure).toEqual({
      accountId,
      status: 'blocked',
      requestedAt: '2026-03-10T10:00:00.000Z',
      purgeAfter: '2026-04-09T10:00:00.000Z',
    });
    expect(uow.dataOf(AccountClosureRequestedV1)).toEqual([
      {
        accountId,
        requestedByUserId: ownerUserId,
        ownerEmail: 'owner@atelier-dupont.fr',
        locale: 'fr',
        requestedAt: '2026-03-10T10:00:00.000Z',
        purgeAfter: '2026-04-09T10:00:00.000Z',
      },
    ]);
    expect(tables.accounts.get(accountId)!.status).toBe('blocked');
    expect(tables.purges.get(accountId)!.purgeAfter.toISOString()).toBe('2026-04-09T10:00:00.000Z');
    expect(revocations.accounts).toEqual([{ accountId, reason: 'account-closed' }]);
    expect(audit.entries).toEqual([
      expect.objectContaining({ event: 'account.closure-requested', actorUserId: ownerUserId, clientIp: '203.0.113.7' }),
    ]);
  });

  it('plans the purge as a durable job of the account, due when the retention ends', async () => {
    await close('right');
    expect([...jobs.jobs.values()]).toEqual([
      expect.objectContaining({
        kind: PURGE_CLOSED_ACCOUNT_JOB,
        key: accountId,
        accountId,
        dueAt: new Date('2026-04-09T10:00:00.000Z'),
        status: 'pending',
      }),
    ]);
  });

  it("dates the closure and the purge in the account's time when it lives on a test clock", async () => {
    accountClocks.onTestClock(accountId, '5d1e2f30-4a5b-4c6d-8e7f-901a2b3c4d5e', new Date('2027-01-15T00:00:00Z'));
    const closure = await close('right');
    expect(closure).toMatchObject({ requestedAt: '2027-01-15T00:00:00.000Z', purgeAfter: '2027-02-14T00:00:00.000Z' });
    expect(jobs.jobs.get(`${PURGE_CLOSED_ACCOUNT_JOB}/${accountId}`)!.dueAt.toISOString()).toBe('2027-02-14T00:00:00.000Z');
    expect(tables.accounts.get(accountId)!.closureRequestedAt).toEqual(new Date('2027-01-15T00:00:00Z'));
  });

  it('refuses a wrong password with 403 WRONG_PASSWORD on the password field, counts it, and closes nothing', async () => {
    const uow = new RecordingUnitOfWork(clock);
    await expect(close('wrong', uow)).rejects.toMatchObject({
      code: IdentityErrorCode.WrongPassword,
      kind: 'forbidden',
      message: 'the password is wrong',
      fields: [{ field: 'password', reason: 'is wrong' }],
    });
    expect(throttle.failures).toEqual([{ realm: 'customer', email: 'owner@atelier-dupont.fr', clientIp: '203.0.113.7' }]);
    expect(tables.accounts.get(accountId)!.status).toBe('active');
    expect(uow.emitted).toHaveLength(0);
    expect(jobs.jobs.size).toBe(0);
  });

  it('answers 429 once the owner has failed too often, even with the right password', async () => {
    for (let i = 0; i < 3; i += 1) await expect(close('wrong')).rejects.toMatchObject({ code: IdentityErrorCode.WrongPassword });
    await expect(close('right')).rejects.toMatchObject({ code: IdentityErrorCode.TooManyRequests, kind: 'throttled' });
    expect(tables.accounts.get(accountId)!.status).toBe('active');
  });

  it('refuses to close an account twice with 409 ALREADY_CLOSED', async () => {
    await close('right');
    await expect(close('right')).rejects.toMatchObject({
      code: IdentityErrorCode.AlreadyClosed,
      kind: 'conflict',
      message: 'the account is already closed',
    });
    expect(revocations.accounts).toHaveLength(1);
  });
});
