import { SessionRevokedV1 } from '@obolus/contracts';
import { IdentityErrorCode } from '../../../identity.errors';
import { authWorld, AuthWorld, CLIENT, SPEC_PASSWORD } from '../../test-support/auth-world';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordUseCase } from './change-password.use-case';

describe('ChangePasswordUseCase', () => {
  let world: AuthWorld;
  let changePassword: ChangePasswordUseCase;
  let owner: { accountId: string; userId: string; email: string };
  let current: string;
  let other: string;

  beforeEach(async () => {
    world = await authWorld();
    const { repositories: r, hasher, throttle, revocations } = world;
    changePassword = new ChangePasswordUseCase(r.users, hasher, throttle, revocations, r.resets, r.audit);
    owner = await world.customer();
    const subject = {
      kind: 'customer' as const,
      accountId: owner.accountId,
      userId: owner.userId,
      role: 'owner' as const,
      email: owner.email,
    };
    current = (await world.sessionTokens.open(world.uow, subject, CLIENT)).sessionId;
    other = (await world.sessionTokens.open(world.uow, subject, CLIENT)).sessionId;
  });

  const change = (currentPassword: string, newPassword = 'Another-harbour-2024') =>
    changePassword.execute(
      ChangePasswordCommand.create({ ...owner, sessionId: current, currentPassword, newPassword, client: CLIENT }),
      world.uow,
    );

  it('sets the new password and ends every other session, keeping the one it was made from', async () => {
    await change(SPEC_PASSWORD);
    expect(await world.hasher.verify(world.users.rows.get(owner.userId)!.passwordHash, 'Another-harbour-2024')).toBe(true);
    expect(world.sessions.open().map((s) => s.id)).toEqual([current]);
    expect(world.uow.dataOf(SessionRevokedV1)).toEqual([
      expect.objectContaining({ sessionId: other, reason: 'password-changed' }),
    ]);
    expect(world.auditEvents()).toEqual(['password.changed']);
  });

  it('refuses a wrong current password with WRONG_PASSWORD on currentPassword, counting it', async () => {
    await expect(change('not-it')).rejects.toMatchObject({
      code: IdentityErrorCode.WrongPassword,
      kind: 'forbidden',
      message: 'the current password is wrong',
      fields: [{ field: 'currentPassword', reason: 'is wrong' }],
    });
    expect(await world.hasher.verify(world.users.rows.get(owner.userId)!.passwordHash, SPEC_PASSWORD)).toBe(true);
    expect(world.sessions.open()).toHaveLength(2);
    expect(world.failures.rows).toHaveLength(1);
  });

  it('spends the reset links already sent', async () => {
    await world.resets.insert(world.uow, {
      tokenHash: Buffer.from('link'),
      accountId: owner.accountId,
      userId: owner.userId,
      expiresAt: new Date(world.clock.now().getTime() + 3_600_000),
    });
    await change(SPEC_PASSWORD);
    expect(world.resets.usable(owner.userId)).toEqual([]);
  });
});
