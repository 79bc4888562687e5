import { UserInvitedV1 } from '@obolus/contracts';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { AccountsRepository } from '../../../accounts/accounts.repository';
import { InMemoryAccounts } from '../../../accounts/test-support/in-memory-accounts';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { InMemoryAuditLog } from '../../../audit/test-support/in-memory-audit-log';
import { hashOpaqueToken } from '../../../credentials/opaque-token';
import { IdentityConfig } from '../../../identity.config';
import { IdentityErrorCode } from '../../../identity.errors';
import { InvitationsRepository } from '../../invitations.repository';
import { InMemoryInvitations } from '../../test-support/in-memory-invitations';
import { InMemoryUsers } from '../../test-support/in-memory-users';
import { accountWithMembers, ACCOUNT_ID, ADMIN_ID } from '../../test-support/users-fixture';
import { UsersRepository } from '../../users.repository';
import { InviteUserCommand } from './invite-user.command';
import { InviteUserUseCase } from './invite-user.use-case';

describe('InviteUserUseCase', () => {
  const clock = new SettableClock(new Date('2026-03-10T10:00:00Z'));
  let tables: InMemoryAccounts;
  let invitations: InMemoryInvitations;
  let audit: InMemoryAuditLog;
  let inviteUser: InviteUserUseCase;

  const invite = (email: string, uow = new RecordingUnitOfWork(clock)) =>
    inviteUser.execute(
      InviteUserCommand.create({
        accountId: ACCOUNT_ID,
        email,
        role: 'user',
        actorUserId: ADMIN_ID,
        actorRole: 'admin',
        clientIp: '203.0.113.7',
      }),
      uow,
    );

  beforeEach(() => {
    tables = accountWithMembers();
    invitations = new InMemoryInvitations(tables);
    audit = new InMemoryAuditLog();
    inviteUser = new InviteUserUseCase(
      { IDENTITY_APP_URL: 'https://app.obolus.test' } as IdentityConfig,
      tables as unknown as AccountsRepository,
      new InMemoryUsers(tables) as unknown as UsersRepository,
      invitations as unknown as InvitationsRepository,
      audit as unknown as AuditLogRepository,
      clock,
    );
  });

  it('stores only the hash of a 7-day token and sends its link in user.invited, in the account language', async () => {
    const uow = new RecordingUnitOfWork(clock);
    const view = await invite('  mihai@example.ro ', uow);
    expect(view).toEqual({
      invitationId: expect.any(String),
      email: 'mihai@example.ro',
      role: 'user',
      expiresAt: '2026-03-17T10:00:00.000Z',
    });
    const [invited] = uow.dataOf(UserInvitedV1);
    expect(invited).toMatchObject({
      accountId: ACCOUNT_ID,
      invitationId: view.invitationId,
      email: 'mihai@example.ro',
      role: 'user',
      invitedByUserId: ADMIN_ID,
      companyName: 'Atelier Dupont',
      locale: 'fr',
      expiresAt: '2026-03-17T10:00:00.000Z',
    });
    const link = new URL(invited!.acceptUrl);
    expect(link.origin + link.pathname).toBe('https://app.obolus.test/accept-invitation');
    const token = link.searchParams.get('token')!;
    expect(invitations.rows.get(hashOpaqueToken(token).toString('hex'))).toMatchObject({ email: 'mihai@example.ro' });
    expect(JSON.stringify([...invitations.rows.values()])).not.toContain(token);
    expect(audit.entries).toEqual([expect.objectContaining({ event: 'user.invited', actorUserId: ADMIN_ID })]);
  });

  it('refuses an address that is already a user, whatever its case, with 409 EMAIL_TAKEN', async () => {
    const uow = new RecordingUnitOfWork(clock);
    await expect(invite('USER@atelier-dupont.fr', uow)).rejects.toMatchObject({
      code: IdentityErrorCode.EmailTaken,
      kind: 'conflict',
      message: 'a user already has this e-mail address',
      fields: [{ field: 'email', reason: 'is already registered' }],
    });
    expect(invitations.rows.size).toBe(0);
    expect(uow.emitted).toHaveLength(0);
  });

  it('invites no one into a blocked account (404)', async () => {
    tables.accounts.get(ACCOUNT_ID)!.status = 'blocked';
    await expect(invite('mihai@example.ro')).rejects.toMatchObject({ code: IdentityErrorCode.NotFound, kind: 'not-found' });
  });
});
