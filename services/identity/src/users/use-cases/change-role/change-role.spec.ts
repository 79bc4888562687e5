import { Role } from '@obolus/contracts';
import { RecordingUnitOfWork } from '@obolus/testing';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { InMemoryAuditLog } from '../../../audit/test-support/in-memory-audit-log';
import { InMemoryAccounts } from '../../../accounts/test-support/in-memory-accounts';
import { IdentityErrorCode } from '../../../identity.errors';
import { InMemoryUsers } from '../../test-support/in-memory-users';
import { accountWithMembers, ACCOUNT_ID, ADMIN_ID, OWNER_ID, USER_ID } from '../../test-support/users-fixture';
import { UsersRepository } from '../../users.repository';
import { ChangeRoleCommand } from './change-role.command';
import { ChangeRoleUseCase } from './change-role.use-case';

describe('ChangeRoleUseCase', () => {
  let tables: InMemoryAccounts;
  let audit: InMemoryAuditLog;
  let changeRole: ChangeRoleUseCase;

  const change = (userId: string, role: Role, actorUserId: string, actorRole: Role) =>
    changeRole.execute(
      ChangeRoleCommand.create({ accountId: ACCOUNT_ID, userId, role, actorUserId, actorRole, clientIp: '203.0.113.7' }),
      new RecordingUnitOfWork(),
    );

  beforeEach(() => {
    tables = accountWithMembers();
    audit = new InMemoryAuditLog();
    changeRole = new ChangeRoleUseCase(
      new InMemoryUsers(tables) as unknown as UsersRepository,
      audit as unknown as AuditLogRepository,
    );
  });

  it('makes a user admin, answers the member as listed, and writes the change to the trail', async () => {
    const member = await change(USER_ID, 'admin', ADMIN_ID, 'admin');
    expect(member).toEqual({
      userId: USER_ID,
      email: 'user@atelier-dupont.fr',
      name: null,
      role: 'admin',
      joinedAt: '2026-03-04T09:00:00.000Z',
    });
    expect(tables.users.get(USER_ID)!.role).toBe('admin');
    expect(audit.entries).toEqual([
      expect.objectContaining({
        event: 'role.changed',
        actorUserId: ADMIN_ID,
        subjectId: USER_ID,
        details: { from: 'user', to: 'admin' },
      }),
    ]);
  });

  it('writes nothing to the trail when the role does not change', async () => {
    await change(USER_ID, 'user', OWNER_ID, 'owner');
    expect(audit.entries).toEqual([]);
  });

  it('lets only an owner make an owner, with 403 FORBIDDEN', async () => {
    await expect(change(USER_ID, 'owner', ADMIN_ID, 'admin')).rejects.toMatchObject({
      code: IdentityErrorCode.Forbidden,
      kind: 'forbidden',
      message: 'only an owner can change or remove an owner, or make one',
    });
    expect(tables.users.get(USER_ID)!.role).toBe('user');
  });

  it('keeps the only owner an owner (409 LAST_OWNER) until another owner is made', async () => {
    await expect(change(OWNER_ID, 'admin', OWNER_ID, 'owner')).rejects.toMatchObject({
      code: IdentityErrorCode.LastOwner,
      kind: 'conflict',
    });
    await change(ADMIN_ID, 'owner', OWNER_ID, 'owner');
    expect((await change(OWNER_ID, 'admin', ADMIN_ID, 'owner')).role).toBe('admin');
  });

  it('answers 404 for a user of another account', async () => {
    await expect(change('4b5c6d7e-8f90-4a12-9c3d-4e5f6a7b8c9d', 'user', OWNER_ID, 'owner')).rejects.toMatchObject({
      code: IdentityErrorCode.NotFound,
      message: 'no such user in this account',
    });
  });
});
