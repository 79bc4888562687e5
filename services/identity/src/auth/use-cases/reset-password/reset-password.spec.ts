import { SessionRevokedV1 } from '@obolus/contracts';
import { newOpaqueToken } from '../../../credentials/opaque-token';
import { IdentityErrorCode } from '../../../identity.errors';
import { authWorld, AuthWorld, CLIENT } from '../../test-support/auth-world';
import { ResetPasswordCommand } from './reset-password.command';
import { ResetPasswordUseCase } from './reset-password.use-case';

describe('ResetPasswordUseCase', () => {
  let world: AuthWorld;
  let resetPassword: ResetPasswordUseCase;
  let owner: { accountId: string; userId: string; email: string };
  let token: string;

  beforeEach(async () => {
    world = await authWorld();
    const { repositories: r, hasher, revocations } = world;
    resetPassword = new ResetPasswordUseCase(r.resets, r.users, hasher, revocations, r.audit);
    owner = await world.customer();
    const link = newOpaqueToken();
    token = link.token;
    await world.resets.insert(world.uow, {
      tokenHash: link.hash,
      accountId: owner.accountId,
      userId: owner.userId,
      expiresAt: new Date(world.clock.now().getTime() + 3_600_000),
    });
  });

  const reset = (withToken: string) =>
    resetPassword.execute(
      ResetPasswordCommand.create({ token: withToken, newPassword: 'Another-harbour-2024', client: CLIENT }),
      world.uow,
    );

  it('sets the new password, spends the token and ends every session of the user', async () => {
    const session = await world.sessionTokens.open(
      world.uow,
      { kind: 'customer', accountId: owner.accountId, userId: owner.userId, role: 'owner', email: owner.email },
      CLIENT,
    );
    await reset(token);
    expect(await world.hasher.verify(world.users.rows.get(owner.userId)!.passwordHash, 'Another-harbour-2024')).toBe(true);
    expect(world.uow.dataOf(SessionRevokedV1)).toEqual([
      expect.objectContaining({ sessionId: session.sessionId, reason: 'password-reset' }),
    ]);
    expect(world.auditEvents()).toEqual(['password.reset']);
    await expect(reset(token)).rejects.toMatchObject({
      code: IdentityErrorCode.InvalidToken,
      kind: 'invalid',
      fields: [{ field: 'token', reason: 'is invalid, expired or already used' }],
    });
  });

  it('refuses a token past its hour, leaving the password alone', async () => {
    const before = world.users.rows.get(owner.userId)!.passwordHash;
    world.clock.advance(3_600_001);
    await expect(reset(token)).rejects.toMatchObject({
      code: IdentityErrorCode.InvalidToken,
      message: 'the reset token is invalid, expired or already used',
    });
    expect(world.users.rows.get(owner.userId)!.passwordHash).toBe(before);
  });
});
