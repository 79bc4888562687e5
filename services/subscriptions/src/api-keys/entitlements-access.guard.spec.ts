import { ExecutionContext } from '@nestjs/common';
import { JwtAccessTokenVerifier, RevocationList, TestTokenIssuer } from '@obolus/auth';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { ApiKeysRepository } from './api-keys.repository';
import { EntitlementsAccessGuard, EntitlementsPrincipal } from './entitlements-access.guard';
import { inMemoryAuthenticator } from './test-support/api-key-fixtures';
import { InMemoryApiKeys } from './test-support/in-memory-api-keys';
import { CreateApiKeyCommand } from './use-cases/create-api-key/create-api-key.command';
import { CreateApiKeyUseCase } from './use-cases/create-api-key/create-api-key.use-case';

interface FakeRequest {
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string>;
  principal?: EntitlementsPrincipal;
}

const contextOf = (request: FakeRequest): ExecutionContext =>
  ({ switchToHttp: () => ({ getRequest: () => request }) }) as unknown as ExecutionContext;

describe('EntitlementsAccessGuard', () => {
  const clock = new SettableClock(new Date('2026-11-27T10:00:00Z'));
  const accountId = randomUUID();
  let issuer: TestTokenIssuer;
  let verifier: JwtAccessTokenVerifier;
  let keys: InMemoryApiKeys;
  let revocations: RevocationList;
  let setup: ReturnType<typeof inMemoryAuthenticator>;
  let guard: EntitlementsAccessGuard;
  let key: { id: string; key: string };

  const ask = async (headers: FakeRequest['headers'], account = accountId) => {
    const request: FakeRequest = { headers, params: { accountId: account } };
    const allowed = await guard.canActivate(contextOf(request));
    return { allowed, principal: request.principal };
  };
  const refusal = (headers: FakeRequest['headers'], account = accountId) =>
    ask(headers, account).then(
      () => undefined,
      (error: { code: string; kind: string; fields: unknown[] }) => ({
        code: error.code,
        kind: error.kind,
        fields: error.fields,
      }),
    );
  const customerToken = (account = accountId, sessionId?: string) =>
    issuer.customer({ userId: randomUUID(), accountId: account, email: 'u@atelier.fr', role: 'user', sessionId });

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    verifier = new JwtAccessTokenVerifier({ jwks: issuer.jwks });
  });

  beforeEach(async () => {
    keys = new InMemoryApiKeys();
    revocations = RevocationList.complete();
    setup = inMemoryAuthenticator(keys, clock);
    guard = new EntitlementsAccessGuard(verifier, setup.authenticator, revocations);
    key = await new CreateApiKeyUseCase(keys as unknown as ApiKeysRepository, clock).execute(
      CreateApiKeyCommand.create({ name: 'fr-crm production', createdBy: 'staff-1' }),
      new RecordingUnitOfWork(clock),
    );
  });

  describe('with an access token', () => {
    it("lets a user of the route's account through, as that user", async () => {
      const result = await ask({ authorization: `Bearer ${await customerToken()}` });
      expect(result).toEqual({
        allowed: true,
        principal: expect.objectContaining({ kind: 'customer', accountId, role: 'user' }),
      });
    });

    it("answers 404 for another account's id, as if it did not exist", async () => {
      expect(await refusal({ authorization: `Bearer ${await customerToken(randomUUID())}` })).toEqual({
        code: 'NOT_FOUND',
        kind: 'not-found',
        fields: [],
      });
    });

    it('refuses a staff token with 403', async () => {
      const staff = await issuer.staff({ staffId: randomUUID(), email: 'ops@obolus.eu', roles: ['support'] });
      expect(await refusal({ authorization: `Bearer ${staff}` })).toMatchObject({ code: 'FORBIDDEN', kind: 'forbidden' });
    });

    it('refuses a token of an ended session with 401, and every token with 503 until the revocation list has caught up', async () => {
      const sessionId = randomUUID();
      const token = await customerToken(accountId, sessionId);
      revocations.revokeSession(sessionId, new Date());
      expect(await refusal({ authorization: `Bearer ${token}` })).toMatchObject({
        code: 'UNAUTHENTICATED',
        kind: 'unauthenticated',
      });
      guard = new EntitlementsAccessGuard(verifier, setup.authenticator, new RevocationList({ retainMs: 60_000 }));
      expect(await refusal({ authorization: `Bearer ${await customerToken()}` })).toMatchObject({ kind: 'unavailable' });
    });

    it.each([
      ['no credentials at all', {}],
      ['an empty Authorization header', { authorization: '' }],
      ['a Basic Authorization header', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['a token that is not a JWT', { authorization: 'Bearer not.a.token' }],
      ['a token signed by another key', { authorization: 'Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln' }],
    ])('refuses %s with 401 {code, message, fields}', async (_case, headers) => {
      expect(await refusal(headers)).toEqual({ code: 'UNAUTHENTICATED', kind: 'unauthenticated', fields: [] });
    });
  });

  describe('with an API key', () => {
    it('lets a valid key through for any account, as the service the key names', async () => {
      for (const account of [accountId, randomUUID()]) {
        expect(await ask({ 'x-api-key': key.key }, account)).toEqual({
          allowed: true,
          principal: { kind: 'service', keyId: key.id, name: 'fr-crm production' },
        });
      }
      expect(keys.keys.get(key.id)?.lastUsedAt).toEqual(clock.now());
    });

    it.each([
      ['empty', ''],
      ['not shaped like a key', 'let-me-in'],
      ['a key with one character changed', 'changed'],
      ['of a key that does not exist', 'unknown'],
      ['repeated', 'repeated'],
    ])('refuses a key that is %s with 401', async (_case, text) => {
      const value =
        text === 'changed'
          ? key.key.slice(0, -1) + (key.key.endsWith('A') ? 'B' : 'A')
          : text === 'unknown'
            ? `obk_00000000_${'A'.repeat(43)}`
            : text === 'repeated'
              ? [key.key, key.key]
              : text;
      expect(await refusal({ 'x-api-key': value })).toEqual({ code: 'UNAUTHENTICATED', kind: 'unauthenticated', fields: [] });
    });

    it('refuses a request with both a key and a token (401), rather than choose one', async () => {
      expect(await refusal({ 'x-api-key': key.key, authorization: `Bearer ${await customerToken()}` })).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    });

    it('asks the repository at most once a second per key, and stops accepting a key revoked elsewhere within 1 s', async () => {
      await Promise.all(Array.from({ length: 20 }, () => ask({ 'x-api-key': key.key })));
      expect(keys.lookups).toBe(1);
      setup.time.ms = 999;
      await ask({ 'x-api-key': key.key });
      expect(keys.lookups).toBe(1);

      // Another instance revokes the key: this one has not been told, and may accept it until its entry expires.
      await keys.revoke(new RecordingUnitOfWork(clock), key.id, clock.now());
      expect((await ask({ 'x-api-key': key.key })).allowed).toBe(true);
      setup.time.ms = 1000;
      expect(await refusal({ 'x-api-key': key.key })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await refusal({ 'x-api-key': key.key })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(keys.lookups).toBe(3);
    });

    it('never keeps a key longer than 1 s, whatever it is configured with', async () => {
      const long = inMemoryAuthenticator(keys, clock, { ttlMs: 60_000 });
      expect(await long.authenticator.authenticate(key.key)).toMatchObject({ id: key.id });
      await keys.revoke(new RecordingUnitOfWork(clock), key.id, clock.now());
      long.time.ms = 1000;
      expect(await long.authenticator.authenticate(key.key)).toBeUndefined();
    });

    it('does not cache the answer of a lookup that a revocation in this process overtook', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const lookUp = keys.findActiveAndTouch.bind(keys);
      keys.findActiveAndTouch = async (...args) => {
        const found = await lookUp(...args);
        await held;
        return found;
      };
      const pending = setup.authenticator.authenticate(key.key);
      await keys.revoke(new RecordingUnitOfWork(clock), key.id, clock.now());
      setup.authenticator.forget(key.id);
      release();
      expect(await pending).toMatchObject({ id: key.id });
      keys.findActiveAndTouch = lookUp;
      expect(await setup.authenticator.authenticate(key.key)).toBeUndefined();
    });
  });
});
