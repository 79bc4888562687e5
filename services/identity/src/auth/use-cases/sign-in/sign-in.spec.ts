import { InvalidCommandError } from '@obolus/platform';
import { IdentityErrorCode } from '../../../identity.errors';
import { authWorld, AuthWorld, CLIENT, SPEC_PASSWORD } from '../../test-support/auth-world';
import { SignInCommand } from './sign-in.command';
import { SignInUseCase } from './sign-in.use-case';

describe('SignInUseCase', () => {
  let world: AuthWorld;
  let signIn: SignInUseCase;

  beforeEach(async () => {
    world = await authWorld();
    const { repositories, hasher, throttle, sessionTokens } = world;
    signIn = new SignInUseCase(repositories.users, hasher, throttle, sessionTokens, repositories.audit);
  });

  const attempt = (email: string, password: string) =>
    signIn.execute(SignInCommand.create({ email, password, client: CLIENT }), world.uow);

  it('opens a session and answers a token pair for the right password', async () => {
    const owner = await world.customer();
    const result = await attempt(owner.email.toUpperCase(), SPEC_PASSWORD);
    expect(result).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      accountId: owner.accountId,
      userId: owner.userId,
      role: 'owner',
      email: owner.email,
      language: 'fr',
    });
    expect(result.refreshToken).toEqual(expect.any(String));
    expect(world.sessions.open()).toEqual([expect.objectContaining({ accountId: owner.accountId, userId: owner.userId })]);
    expect(world.auditEvents()).toEqual(['sign-in.succeeded']);
  });

  it('answers the same 401 for an unknown e-mail and a wrong password, and counts both failures', async () => {
    const owner = await world.customer();
    const wrong = await attempt(owner.email, 'not-the-password').catch((e: unknown) => e);
    const unknown = await attempt('nobody@atelier-dupont.fr', SPEC_PASSWORD).catch((e: unknown) => e);
    for (const error of [wrong, unknown])
      expect(error).toMatchObject({ code: IdentityErrorCode.InvalidCredentials, kind: 'unauthenticated' });
    expect(world.failures.rows).toHaveLength(2);
    expect(world.audit.entries.map((e) => e.details?.reason)).toEqual(['wrong-password', 'unknown-email']);
    expect(world.sessions.open()).toEqual([]);
  });

  it('refuses even the right password with 429 and a wait once the address has failed 5 times', async () => {
    const owner = await world.customer();
    for (let i = 0; i < 5; i++) await attempt(owner.email, 'wrong').catch(() => undefined);
    world.clock.advance(60_000);
    const error = await attempt(owner.email, SPEC_PASSWORD).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: IdentityErrorCode.TooManyRequests, kind: 'throttled', retryAfterSeconds: 840 });
    world.clock.advance(841_000);
    await expect(attempt(owner.email, SPEC_PASSWORD)).resolves.toMatchObject({ userId: owner.userId });
  });

  it('forgives the address its failures after a successful sign-in', async () => {
    const owner = await world.customer();
    for (let i = 0; i < 4; i++) await attempt(owner.email, 'wrong').catch(() => undefined);
    await attempt(owner.email, SPEC_PASSWORD);
    for (let i = 0; i < 4; i++) await attempt(owner.email, 'wrong').catch(() => undefined);
    await expect(attempt(owner.email, SPEC_PASSWORD)).resolves.toMatchObject({ userId: owner.userId });
  });

  it('refuses a closed account with ACCOUNT_CLOSED, opening no session', async () => {
    const owner = await world.customer({ status: 'blocked' });
    await expect(attempt(owner.email, SPEC_PASSWORD)).rejects.toMatchObject({
      code: IdentityErrorCode.AccountClosed,
      kind: 'forbidden',
    });
    expect(world.sessions.open()).toEqual([]);
  });

  it('refuses a command without a password, naming the field', () => {
    expect(() => SignInCommand.create({ email: 'a@b.fr', password: '', client: CLIENT })).toThrow(
      expect.objectContaining({ constructor: InvalidCommandError, fields: [expect.objectContaining({ field: 'password' })] }),
    );
  });
});
