import { SessionRevokedV1 } from '@obolus/contracts';
import { IdentityErrorCode } from '../../../identity.errors';
import { authWorld, AuthWorld, CLIENT } from '../../test-support/auth-world';
import { RefreshSessionCommand } from './refresh-session.command';
import { RefreshSessionUseCase } from './refresh-session.use-case';

describe('RefreshSessionUseCase', () => {
  let world: AuthWorld;
  let refresh: RefreshSessionUseCase;

  beforeEach(async () => {
    world = await authWorld();
    const { clock, repositories: r, revocations, sessionTokens } = world;
    refresh = new RefreshSessionUseCase(clock, r.sessions, revocations, sessionTokens, r.users, r.accounts, r.staff, r.audit);
  });

  async function signedIn() {
    const owner = await world.customer();
    const pair = await world.sessionTokens.open(
      world.uow,
      { kind: 'customer', accountId: owner.accountId, userId: owner.userId, role: 'owner', email: owner.email },
      CLIENT,
    );
    return { ...owner, ...pair };
  }
  const exchange = (refreshToken: string) =>
    refresh.execute(RefreshSessionCommand.create({ refreshToken, client: CLIENT }), world.uow);

  it('exchanges a refresh token once for a new pair in the same session', async () => {
    const session = await signedIn();
    const next = await exchange(session.refreshToken);
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect(world.sessions.open().map((s) => s.id)).toEqual([session.sessionId]);
    await expect(exchange(next.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('revokes the whole session when a spent token comes back, announces it, and refuses with 401', async () => {
    const session = await signedIn();
    const next = await exchange(session.refreshToken);
    await expect(exchange(session.refreshToken)).rejects.toMatchObject({ code: IdentityErrorCode.InvalidRefreshToken });
    expect(world.sessions.open()).toEqual([]);
    expect(world.uow.dataOf(SessionRevokedV1)).toEqual([
      expect.objectContaining({ sessionId: session.sessionId, userId: session.userId, reason: 'refresh-token-reuse' }),
    ]);
    expect(world.auditEvents()).toEqual(['refresh-token.reused']);
    await expect(exchange(next.refreshToken)).rejects.toMatchObject({ code: IdentityErrorCode.InvalidRefreshToken });
  });

  it('refuses an expired token and an unknown one', async () => {
    const session = await signedIn();
    world.clock.advance(30 * 86_400_000);
    await expect(exchange(session.refreshToken)).rejects.toMatchObject({ code: IdentityErrorCode.InvalidRefreshToken });
    await expect(exchange('never-issued')).rejects.toMatchObject({ code: IdentityErrorCode.InvalidRefreshToken });
  });

  it('ends the session of an account closed since, instead of renewing it', async () => {
    const session = await signedIn();
    world.accounts.accounts.get(session.accountId)!.status = 'blocked';
    await expect(exchange(session.refreshToken)).rejects.toMatchObject({ code: IdentityErrorCode.InvalidRefreshToken });
    expect(world.uow.dataOf(SessionRevokedV1)).toEqual([expect.objectContaining({ reason: 'subject-gone' })]);
  });
});
