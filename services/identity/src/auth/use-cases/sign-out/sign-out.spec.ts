import { SessionRevokedV1 } from '@obolus/contracts';
import { authWorld, AuthWorld, CLIENT } from '../../test-support/auth-world';
import { SignOutCommand } from './sign-out.command';
import { SignOutUseCase } from './sign-out.use-case';

describe('SignOutUseCase', () => {
  let world: AuthWorld;
  let signOut: SignOutUseCase;

  beforeEach(async () => {
    world = await authWorld();
    signOut = new SignOutUseCase(world.repositories.sessions, world.revocations, world.repositories.audit);
  });

  const end = (refreshToken: string) => signOut.execute(SignOutCommand.create({ refreshToken, client: CLIENT }), world.uow);

  it('ends the session of the token and announces it once, however often it is called', async () => {
    const owner = await world.customer();
    const pair = await world.sessionTokens.open(
      world.uow,
      { kind: 'customer', accountId: owner.accountId, userId: owner.userId, role: 'owner', email: owner.email },
      CLIENT,
    );
    await end(pair.refreshToken);
    await end(pair.refreshToken);
    expect(world.sessions.open()).toEqual([]);
    expect(world.uow.dataOf(SessionRevokedV1)).toEqual([
      expect.objectContaining({ sessionId: pair.sessionId, accountId: owner.accountId, reason: 'sign-out' }),
    ]);
    expect(world.auditEvents()).toEqual(['sign-out']);
  });

  it('ends a staff session without announcing it (no account to key it by)', async () => {
    const member = await world.staffMember();
    const pair = await world.sessionTokens.open(
      world.uow,
      { kind: 'staff', staffId: member.staffId, email: member.email, roles: [] },
      CLIENT,
    );
    await end(pair.refreshToken);
    expect(world.sessions.open()).toEqual([]);
    expect(world.uow.dataOf(SessionRevokedV1)).toEqual([]);
  });

  it('accepts an unknown token without error, as RFC 7009 does', async () => {
    await expect(end('never-issued')).resolves.toBeUndefined();
    expect(world.audit.entries).toEqual([]);
  });
});
