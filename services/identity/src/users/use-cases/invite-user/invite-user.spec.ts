import { Role, UserInvitedV1 } from '@obolus/contracts';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { AccountsRepository } from '../../../accounts/accounts.repository';
import { InMemoryAccounts } from '../../../accounts/test-support/in-memory-accounts';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { InMemoryAuditLog } from '../../../audit/test-support/in-memory-audit-log';
import { hashOpaqueToken } from '../../../credentials/opaque-token';
import { IdentityConfig } from '../../../identity.config';
import { IdentityErrorCode } from '../../../identity.errors';
import { SeatLimitsRepository } from '../../../seat-limits/seat-limits.repository';
import { InMemorySeatLimits } from '../../../seat-limits/test-support/in-memory-seat-limits';
import { InvitationsRepository } from '../../invitations.repository';
import { InMemoryInvitations } from '../../test-support/in-memory-invitations';
import { invite as storeInvitation } from '../../test-support/invitations-fixture';
import { InMemoryUsers } from '../../test-support/in-memory-users';
import { accountWithMembers, ACCOUNT_ID, ADMIN_ID, OWNER_ID } from '../../test-support/users-fixture';
import { UsersRepository } from '../../users.repository';
import { InviteUserCommand } from './invite-user.command';
import { InviteUserUseCase } from './invite-user.use-case';

describe('InviteUserUseCase', () => {
  const clock = new SettableClock(new Date('2026-03-10T10:00:00Z'));
  let tables: InMemoryAccounts;
  let invitations: InMemoryInvitations;
  let seatLimits: InMemorySeatLimits;
  let audit: InMemoryAuditLog;
  let inviteUser: InviteUserUseCase;

  const invite = (
    email: string,
    uow = new RecordingUnitOfWork(clock),
    actor: { id: string; role: Role } = { id: ADMIN_ID, role: 'admin' },
  ) =>
    inviteUser.execute(
      InviteUserCommand.create({
        accountId: ACCOUNT_ID,
        email,
        role: 'user',
        actorUserId: actor.id,
        actorRole: actor.role,
        clientIp: '203.0.113.7',
      }),
      uow,
    );

  const useTables = (accounts: InMemoryAccounts) => {
    tables = accounts;
    invitations = new InMemoryInvitations(tables);
    seatLimits = new InMemorySeatLimits();
    audit = new InMemoryAuditLog();
    inviteUser = new InviteUserUseCase(
      { IDENTITY_APP_URL: 'https://app.obolus.test' } as IdentityConfig,
      tables as unknown as AccountsRepository,
      new InMemoryUsers(tables) as unknown as UsersRepository,
      invitations as unknown as InvitationsRepository,
      seatLimits as unknown as SeatLimitsRepository,
      audit as unknown as AuditLogRepository,
      clock,
    );
  };

  beforeEach(() => useTables(accountWithMembers()));

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

  describe('seats (C3, A4)', () => {
    const owner = { id: OWNER_ID, role: 'owner' as const };
    const soloAccount = () => {
      const accounts = new InMemoryAccounts();
      accounts.seed({ id: ACCOUNT_ID, companyName: 'Atelier Dupont', locale: 'fr' }, { id: OWNER_ID, email: 'owner@dupont.fr' });
      return accounts;
    };

    it('refuses a second user of Solopreneur with 409 SEAT_LIMIT_REACHED naming the edition, and keeps nothing', async () => {
      useTables(soloAccount());
      seatLimits.seed(ACCOUNT_ID, 1, 'solopreneur');
      const uow = new RecordingUnitOfWork(clock);
      await expect(invite('mihai@example.ro', uow, owner)).rejects.toMatchObject({
        code: IdentityErrorCode.SeatLimitReached,
        kind: 'conflict',
        message: 'the Solopreneur edition is for at most 1 user, and the account has no seat left',
        fields: [{ field: 'email', reason: 'Solopreneur is for at most 1 user' }],
      });
      expect(invitations.rows.size).toBe(0);
      expect(uow.emitted).toHaveLength(0);
      expect(audit.entries).toEqual([]);
    });

    it('invites into Dream Team, and into an account whose limit is not known yet', async () => {
      useTables(soloAccount());
      await expect(invite('first@example.ro', undefined, owner)).resolves.toMatchObject({ email: 'first@example.ro' });
      seatLimits.seed(ACCOUNT_ID, 1000, 'dream-team');
      await expect(invite('second@example.ro', undefined, owner)).resolves.toMatchObject({ email: 'second@example.ro' });
      expect(invitations.rows.size).toBe(2);
    });

    it('counts the open invitations as seats: with 3 users and 4 seats, one invitation, not two', async () => {
      seatLimits.seed(ACCOUNT_ID, 4, 'sales-essentials');
      await invite('mihai@example.ro');
      await expect(invite('ana@example.ro')).rejects.toMatchObject({
        code: IdentityErrorCode.SeatLimitReached,
        fields: [{ field: 'email', reason: 'Sales Essentials is for at most 4 users' }],
      });
      expect([...invitations.rows.values()].map((row) => row.email)).toEqual(['mihai@example.ro']);
    });

    it('does not count an expired invitation, nor an accepted one twice', async () => {
      seatLimits.seed(ACCOUNT_ID, 4, 'sales-essentials');
      await storeInvitation(invitations, new RecordingUnitOfWork(), 'late@example.ro', new Date('2026-03-10T09:59:59Z'));
      await storeInvitation(invitations, new RecordingUnitOfWork(), 'ana@example.ro', new Date('2026-03-17T10:00:00Z'));
      // Accepted without its user here: were it counted, the 3 users and it would fill the 4 seats.
      const accepted = [...invitations.rows.values()].find((row) => row.email === 'ana@example.ro')!;
      accepted.acceptedAt = new Date('2026-03-10T09:00:00Z');
      await expect(invite('mihai@example.ro')).resolves.toMatchObject({ email: 'mihai@example.ro' });
    });

    it('refuses every invitation when the limit dropped below the users already there', async () => {
      seatLimits.seed(ACCOUNT_ID, 1, 'solopreneur', 2);
      await expect(invite('mihai@example.ro')).rejects.toMatchObject({ code: IdentityErrorCode.SeatLimitReached });
    });
  });
});
