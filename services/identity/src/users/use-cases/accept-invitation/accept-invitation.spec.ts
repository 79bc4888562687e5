import { UserJoinedV1 } from '@obolus/contracts';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { InMemoryAccounts } from '../../../accounts/test-support/in-memory-accounts';
import { PlainPasswordHasher } from '../../../accounts/test-support/stand-ins';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { InMemoryAuditLog } from '../../../audit/test-support/in-memory-audit-log';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { IdentityErrorCode } from '../../../identity.errors';
import { SeatLimitsRepository } from '../../../seat-limits/seat-limits.repository';
import { InMemorySeatLimits } from '../../../seat-limits/test-support/in-memory-seat-limits';
import { InvitationsRepository } from '../../invitations.repository';
import { InMemoryInvitations } from '../../test-support/in-memory-invitations';
import { invite } from '../../test-support/invitations-fixture';
import { InMemoryUsers } from '../../test-support/in-memory-users';
import { accountWithMembers, ACCOUNT_ID } from '../../test-support/users-fixture';
import { UsersRepository } from '../../users.repository';
import { AcceptInvitationCommand } from './accept-invitation.command';
import { AcceptInvitationUseCase } from './accept-invitation.use-case';

describe('AcceptInvitationUseCase', () => {
  const clock = new SettableClock(new Date('2026-03-10T10:00:00Z'));
  const inAWeek = new Date('2026-03-17T10:00:00Z');
  let tables: InMemoryAccounts;
  let invitations: InMemoryInvitations;
  let seatLimits: InMemorySeatLimits;
  let audit: InMemoryAuditLog;
  let accept: AcceptInvitationUseCase;

  const join = (token: string, uow = new RecordingUnitOfWork(clock)) =>
    accept.execute(
      AcceptInvitationCommand.create({
        token,
        password: 'a long enough passphrase',
        name: ' Mihai Popescu ',
        clientIp: '203.0.113.9',
      }),
      uow,
    );

  beforeEach(() => {
    clock.set('2026-03-10T10:00:00Z');
    tables = accountWithMembers();
    invitations = new InMemoryInvitations(tables);
    seatLimits = new InMemorySeatLimits();
    audit = new InMemoryAuditLog();
    accept = new AcceptInvitationUseCase(
      invitations as unknown as InvitationsRepository,
      new InMemoryUsers(tables) as unknown as UsersRepository,
      seatLimits as unknown as SeatLimitsRepository,
      new PlainPasswordHasher() as unknown as PasswordHasher,
      audit as unknown as AuditLogRepository,
      clock,
    );
  });

  it('makes the invitee a user of the account with the invited role, and counts the seat with user.joined', async () => {
    const token = await invite(invitations, new RecordingUnitOfWork(), 'mihai@example.ro', inAWeek, 'admin');
    const uow = new RecordingUnitOfWork(clock);
    const { accountId, userId } = await join(token, uow);
    expect(accountId).toBe(ACCOUNT_ID);
    expect(tables.users.get(userId)).toMatchObject({
      accountId: ACCOUNT_ID,
      email: 'mihai@example.ro',
      role: 'admin',
      displayName: 'Mihai Popescu',
      passwordHash: 'plain:a long enough passphrase',
    });
    expect(uow.dataOf(UserJoinedV1)).toEqual([
      { accountId: ACCOUNT_ID, userId, email: 'mihai@example.ro', role: 'admin', joinedAt: '2026-03-10T10:00:00.000Z' },
    ]);
    expect(audit.entries).toEqual([
      expect.objectContaining({ event: 'user.joined', subjectId: userId, clientIp: '203.0.113.9' }),
    ]);
  });

  it('spends the token: a second accept answers 400 INVALID_TOKEN on the token field', async () => {
    const token = await invite(invitations, new RecordingUnitOfWork(), 'mihai@example.ro', inAWeek);
    await join(token);
    await expect(join(token)).rejects.toMatchObject({
      code: IdentityErrorCode.InvalidToken,
      kind: 'invalid',
      message: 'the invitation token is invalid, expired or already used',
      fields: [{ field: 'token', reason: 'is invalid, expired or already used' }],
    });
  });

  it('refuses an expired token, an unknown one, and one into a blocked account', async () => {
    const expired = await invite(invitations, new RecordingUnitOfWork(), 'a@example.ro', new Date('2026-03-10T09:59:59Z'));
    await expect(join(expired)).rejects.toMatchObject({ code: IdentityErrorCode.InvalidToken });
    await expect(join('not-a-token')).rejects.toMatchObject({ code: IdentityErrorCode.InvalidToken });
    const blocked = await invite(invitations, new RecordingUnitOfWork(), 'b@example.ro', inAWeek);
    tables.accounts.get(ACCOUNT_ID)!.status = 'blocked';
    await expect(join(blocked)).rejects.toMatchObject({ code: IdentityErrorCode.InvalidToken });
    expect([...tables.users.values()].map((u) => u.email)).not.toEqual(expect.arrayContaining(['a@example.ro', 'b@example.ro']));
  });

  it('refuses with 409 EMAIL_TAKEN when the address became a user since the invitation, and emits nothing', async () => {
    const token = await invite(invitations, new RecordingUnitOfWork(), 'user@atelier-dupont.fr', inAWeek);
    const uow = new RecordingUnitOfWork(clock);
    await expect(join(token, uow)).rejects.toMatchObject({
      code: IdentityErrorCode.EmailTaken,
      kind: 'conflict',
      message: 'a user already has this e-mail address',
    });
    expect(uow.emitted).toHaveLength(0);
  });

  describe('seats (C3, A4)', () => {
    it('joins while the edition has a seat left: the 4th user of 4 seats', async () => {
      seatLimits.seed(ACCOUNT_ID, 4, 'sales-essentials');
      const token = await invite(invitations, new RecordingUnitOfWork(), 'mihai@example.ro', inAWeek);
      const { userId } = await join(token);
      expect(tables.users.get(userId)).toMatchObject({ email: 'mihai@example.ro' });
    });

    it('refuses with 409 SEAT_LIMIT_REACHED on the token when the limit dropped since the invitation, and adds no one', async () => {
      seatLimits.seed(ACCOUNT_ID, 1000, 'dream-team');
      const token = await invite(invitations, new RecordingUnitOfWork(), 'mihai@example.ro', inAWeek);
      seatLimits.seed(ACCOUNT_ID, 1, 'solopreneur', 2);
      const uow = new RecordingUnitOfWork(clock);
      await expect(join(token, uow)).rejects.toMatchObject({
        code: IdentityErrorCode.SeatLimitReached,
        kind: 'conflict',
        message: 'the Solopreneur edition is for at most 1 user, and the account has no seat left',
        fields: [{ field: 'token', reason: 'Solopreneur is for at most 1 user' }],
      });
      expect([...tables.users.values()].map((u) => u.email)).not.toContain('mihai@example.ro');
      expect(uow.emitted).toHaveLength(0);
      expect(audit.entries).toEqual([]);
    });

    it('lets the first of two invitations in and refuses the second once the seats are full', async () => {
      seatLimits.seed(ACCOUNT_ID, 4, 'sales-essentials');
      const first = await invite(invitations, new RecordingUnitOfWork(), 'mihai@example.ro', inAWeek);
      const second = await invite(invitations, new RecordingUnitOfWork(), 'ana@example.ro', inAWeek);
      await join(first);
      await expect(join(second)).rejects.toMatchObject({
        code: IdentityErrorCode.SeatLimitReached,
        fields: [{ field: 'token', reason: 'Sales Essentials is for at most 4 users' }],
      });
    });
  });
});
