import { Role, UserRemovedV1 } from '@obolus/contracts';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { InMemoryAuditLog } from '../../../audit/test-support/in-memory-audit-log';
import { InMemoryAccounts } from '../../../accounts/test-support/in-memory-accounts';
import { IdentityErrorCode } from '../../../identity.errors';
import { InMemoryUsers } from '../../test-support/in-memory-users';
import { accountWithMembers, ACCOUNT_ID, ADMIN_ID, OWNER_ID, USER_ID } from '../../test-support/users-fixture';
import { UsersRepository } from '../../users.repository';
import { RemoveUserCommand } from './remove-user.command';
import { RemoveUserUseCase } from './remove-user.use-case';

describe('RemoveUserUseCase', () => {
  const clock = new SettableClock(new Date('2026-03-12T08:30:00Z'));
  let tables: InMemoryAccounts;
  let audit: InMemoryAuditLog;
  let removeUser: RemoveUserUseCase;

  const remove = (userId: string, actorUserId: string, actorRole: Role, uow = new RecordingUnitOfWork(clock)) =>
    removeUser.execute(
      RemoveUserCommand.create({ accountId: ACCOUNT_ID, userId, actorUserId, actorRole, clientIp: '203.0.113.7' }),
      uow,
    );

  beforeEach(() => {
    tables = accountWithMembers();
    audit = new InMemoryAuditLog();
    removeUser = new RemoveUserUseCase(
      new InMemoryUsers(tables) as unknown as UsersRepository,
      audit as unknown as AuditLogRepository,
      clock,
    );
  });

  it('removes the user and frees the seat with user.removed', async () => {
    const uow = new RecordingUnitOfWork(clock);
    await remove(USER_ID, ADMIN_ID, 'admin', uow);
    expect(tables.users.has(USER_ID)).toBe(false);
    expect(uow.dataOf(UserRemovedV1)).toEqual([
      { accountId: ACCOUNT_ID, userId: USER_ID, removedAt: '2026-03-12T08:30:00.000Z' },
    ]);
    expect(audit.entries).toEqual([
      expect.objectContaining({ event: 'user.removed', actorUserId: ADMIN_ID, subjectId: USER_ID, details: { role: 'user' } }),
    ]);
  });

  it('lets an admin not remove an owner (403), and nobody remove the only owner (409)', async () => {
    const uow = new RecordingUnitOfWork(clock);
    await expect(remove(OWNER_ID, ADMIN_ID, 'admin', uow)).rejects.toMatchObject({
      code: IdentityErrorCode.Forbidden,
      kind: 'forbidden',
    });
    await expect(remove(OWNER_ID, OWNER_ID, 'owner', uow)).rejects.toMatchObject({
      code: IdentityErrorCode.LastOwner,
      kind: 'conflict',
    });
    expect(tables.users.has(OWNER_ID)).toBe(true);
    expect(uow.emitted).toHaveLength(0);
  });

  it('answers 404 NOT_FOUND for a user already removed', async () => {
    await remove(USER_ID, OWNER_ID, 'owner');
    await expect(remove(USER_ID, OWNER_ID, 'owner')).rejects.toMatchObject({
      code: IdentityErrorCode.NotFound,
      kind: 'not-found',
      message: 'no such user in this account',
    });
  });
});
