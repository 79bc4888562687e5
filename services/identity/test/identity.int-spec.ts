import { INestApplication } from '@nestjs/common';
import { JwtAccessTokenVerifier } from '@obolus/auth';
import { ScheduledJobRunner } from '@obolus/messaging';
import { waitFor } from '@obolus/testing';
import { createHmac, createPublicKey, randomUUID } from 'node:crypto';
import { generateKeyPair, importJWK, KeyLike, SignJWT } from 'jose';
import { Client } from 'pg';
import { PurgeClosedAccountsUseCase } from '../src/accounts/use-cases/purge-closed-accounts/purge-closed-accounts.use-case';
import {
  adminDb,
  clientOf,
  outboxEvent,
  PASSWORD,
  signUpAndIn,
  STAFF,
  startIdentity,
  TestClient,
  uniqueEmail,
} from './identity-harness';

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('identity (in process, real Postgres and Kafka)', () => {
  let app: INestApplication;
  let url: string;
  let db: Client;

  beforeAll(async () => {
    ({ app, url } = await startIdentity({ IDENTITY_CLOSURE_RETENTION_DAYS: '0' }));
    db = await adminDb();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  const count = async (table: string): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM identity.${table}`)).rows[0].n;
  const snapshot = async () => ({
    accounts: await count('accounts'),
    users: await count('users'),
    sessions: await count('sessions'),
    invitations: await count('invitations'),
    resets: await count('password_reset_tokens'),
    outbox: await count('outbox'),
  });

  describe('sign-up', () => {
    it('creates the account and its owner, with an argon2id hash, and emits account.created', async () => {
      const client = clientOf(url);
      const email = uniqueEmail();
      const reply = await client.post<{ accountId: string; ownerUserId: string }>('/accounts', {
        companyName: 'Firma Popescu SRL',
        email,
        password: PASSWORD,
        country: 'RO',
        catalog: 'ro-crm',
        signupChannel: 'web',
      });
      expect(reply.status).toBe(201);
      const { rows } = await db.query('SELECT role, password_hash FROM identity.users WHERE id = $1', [reply.body.ownerUserId]);
      expect(rows[0].role).toBe('owner');
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=32768,p=1,t=2\$/);
      const event = await outboxEvent<Record<string, unknown>>(db, reply.body.accountId, 'obolus.identity.account.created.v1');
      expect(event?.data).toMatchObject({
        accountId: reply.body.accountId,
        signupChannel: 'web',
        country: 'RO',
        catalog: 'ro-crm',
        locale: 'ro',
        ownerEmail: email,
      });
    });

    it('refuses an address already used, whatever its case', async () => {
      const client = clientOf(url);
      const { email } = await signUpAndIn(client);
      const before = await snapshot();
      const reply = await client.post('/accounts', {
        companyName: 'Other',
        email: email.toUpperCase(),
        password: PASSWORD,
        country: 'FR',
        catalog: 'fr-crm',
        signupChannel: 'web',
      });
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('EMAIL_TAKEN');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses weak passwords, missing and extra fields, malformed JSON and a 1 MB body, naming the fields', async () => {
      const client = clientOf(url);
      const before = await snapshot();
      const weak = await client.post<{ code: string; fields: { field: string; reason: string }[] }>('/accounts', {
        companyName: 'X',
        email: uniqueEmail(),
        password: 'short',
        country: 'FR',
        catalog: 'fr-crm',
        signupChannel: 'web',
      });
      expect(weak.status).toBe(400);
      expect(weak.body.fields).toEqual([{ field: 'password', reason: 'password must be at least 12 characters' }]);

      const common = await client.post<{ fields: { field: string; reason: string }[] }>('/accounts', {
        companyName: 'X',
        email: uniqueEmail(),
        password: 'Password1234',
        country: 'FR',
        catalog: 'fr-crm',
        signupChannel: 'web',
      });
      expect(common.body.fields).toEqual([{ field: 'password', reason: 'password is too common' }]);

      const missing = await client.post<{ code: string; fields: { field: string }[] }>('/accounts', {
        companyName: 'X',
        isAdmin: true,
      });
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('VALIDATION_FAILED');
      expect(new Set(missing.body.fields.map((f) => f.field))).toEqual(
        new Set(['email', 'password', 'country', 'catalog', 'signupChannel', 'isAdmin']),
      );

      const malformed = await client.raw('/accounts', '{"companyName": "X",');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('MALFORMED_JSON');

      const huge = await client.raw('/auth/sign-in', JSON.stringify({ email: 'a@b.fr', password: 'x'.repeat(1024 * 1024) }));
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await snapshot()).toEqual(before);
    });

    it('treats SQL-injection strings as data, never as SQL', async () => {
      const client = clientOf(url);
      const before = await snapshot();
      const asEmail = await client.post('/auth/sign-in', { email: "' OR '1'='1' --", password: 'x' });
      expect(asEmail.status).toBe(400);
      const asPassword = await client.post('/auth/sign-in', {
        email: uniqueEmail(),
        password: "' OR '1'='1'; DROP TABLE identity.users; --",
      });
      expect(asPassword.status).toBe(401);
      const { accessToken, accountId } = await signUpAndIn(client);
      const asPath = await client.get(`/accounts/${encodeURIComponent("1' OR '1'='1")}/users`, accessToken);
      expect(asPath.status).toBe(404);
      const asUserId = await client.delete(
        `/accounts/${accountId}/users/${encodeURIComponent("x'; DELETE FROM identity.users; --")}`,
        accessToken,
      );
      expect(asUserId.status).toBe(404);
      const { rows } = await db.query(`SELECT to_regclass('identity.users') AS t`);
      expect(rows[0].t).toBe('identity.users');
      expect((await snapshot()).users).toBe(before.users + 1);
    });
  });

  describe('sign-in, tokens and sessions', () => {
    it('issues an EdDSA access token that another service verifies offline with the published keys', async () => {
      const client = clientOf(url);
      const owner = await signUpAndIn(client);
      const jwks = await client.get<{ keys: { kty: string; crv: string; alg: string; kid: string; d?: string }[] }>(
        '/.well-known/jwks.json',
      );
      expect(jwks.status).toBe(200);
      expect(jwks.body.keys).toHaveLength(1);
      expect(jwks.body.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
      expect(jwks.body.keys[0]!.d).toBeUndefined();
      const verifier = new JwtAccessTokenVerifier({ jwksUrl: `${url}/.well-known/jwks.json` });
      await expect(verifier.verify(owner.accessToken)).resolves.toMatchObject({
        kind: 'customer',
        accountId: owner.accountId,
        userId: owner.ownerUserId,
        role: 'owner',
        email: owner.email,
      });
      const header = JSON.parse(Buffer.from(owner.accessToken.split('.')[0]!, 'base64url').toString());
      expect(header).toEqual({ alg: 'EdDSA', kid: jwks.body.keys[0]!.kid, typ: 'at+jwt' });
      const payload = JSON.parse(Buffer.from(owner.accessToken.split('.')[1]!, 'base64url').toString());
      expect(payload.exp - payload.iat).toBe(900);
    });

    it('answers an unknown e-mail and a wrong password the same way', async () => {
      const client = clientOf(url);
      const { email } = await signUpAndIn(client);
      const wrong = await client.post('/auth/sign-in', { email, password: 'not-the-password-at-all' });
      const unknown = await client.post('/auth/sign-in', { email: uniqueEmail(), password: 'not-the-password-at-all' });
      expect(wrong).toMatchObject({
        status: 401,
        body: { code: 'INVALID_CREDENTIALS', message: 'the e-mail address or the password is wrong' },
      });
      expect(unknown.status).toBe(wrong.status);
      expect(unknown.body).toEqual(wrong.body);
    });

    it('throttles repeated failures per account, with Retry-After, even for the right password', async () => {
      const client = clientOf(url);
      const { email } = await signUpAndIn(client);
      for (let i = 0; i < 5; i += 1)
        expect((await client.post('/auth/sign-in', { email, password: `wrong-guess-${i}` })).status).toBe(401);
      const blocked = await client.post('/auth/sign-in', { email, password: PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
      // From another address too: the counter is the account's.
      expect((await clientOf(url).post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(429);
      // Unknown addresses are throttled alike, so a 429 says nothing about existence.
      const ghost = uniqueEmail();
      const other = clientOf(url);
      for (let i = 0; i < 5; i += 1) await other.post('/auth/sign-in', { email: ghost, password: `wrong-guess-${i}` });
      expect((await other.post('/auth/sign-in', { email: ghost, password: 'x' })).status).toBe(429);
    });

    it('answers a burst of failed sign-ins larger than the connection pool, each counted once', async () => {
      // Each request counts its failure on the one connection it holds; none waits for a second one.
      const emails = Array.from({ length: 30 }, () => uniqueEmail());
      const replies = await Promise.all(
        emails.map((email) => clientOf(url).post('/auth/sign-in', { email, password: 'guess-guess' })),
      );
      expect(replies.map((r) => r.status)).toEqual(emails.map(() => 401));
      for (const email of emails.slice(0, 3)) {
        const client = clientOf(url);
        for (let i = 0; i < 4; i += 1)
          expect((await client.post('/auth/sign-in', { email, password: 'guess-guess' })).status).toBe(401);
        expect((await client.post('/auth/sign-in', { email, password: 'guess-guess' })).status).toBe(429);
      }
    });

    it('throttles a client address that tries many accounts', async () => {
      const setup = clientOf(url);
      const { email } = await signUpAndIn(setup);
      const attacker = clientOf(url);
      for (let i = 0; i < 8; i += 1)
        expect((await attacker.post('/auth/sign-in', { email: uniqueEmail(), password: 'guess-guess' })).status).toBe(401);
      expect((await attacker.post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(429);
      expect((await setup.post('/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
    });

    it('rotates refresh tokens, and a replayed one revokes the whole chain', async () => {
      const client = clientOf(url);
      const owner = await signUpAndIn(client);
      const first = await client.post<{ accessToken: string; refreshToken: string }>('/auth/refresh', {
        refreshToken: owner.refreshToken,
      });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(owner.refreshToken);
      const second = await client.post<{ refreshToken: string }>('/auth/refresh', { refreshToken: first.body.refreshToken });
      expect(second.status).toBe(200);

      const replay = await client.post('/auth/refresh', { refreshToken: owner.refreshToken });
      expect(replay).toMatchObject({ status: 401, body: { code: 'INVALID_REFRESH_TOKEN' } });
      // The newest token of the family is dead too, and so is the session's access token here.
      expect((await client.post('/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(401);
      expect((await client.get(`/accounts/${owner.accountId}/users`, first.body.accessToken)).status).toBe(401);
      const { rows } = await db.query(
        `SELECT event FROM identity.audit_log WHERE account_id = $1 AND event = 'refresh-token.reused'`,
        [owner.accountId],
      );
      expect(rows).toHaveLength(1);
    });

    it('signs out: the refresh token and the session end', async () => {
      const client = clientOf(url);
      const owner = await signUpAndIn(client);
      expect((await client.post('/auth/sign-out', { refreshToken: owner.refreshToken })).status).toBe(204);
      expect((await client.post('/auth/refresh', { refreshToken: owner.refreshToken })).status).toBe(401);
      expect((await client.get(`/accounts/${owner.accountId}/users`, owner.accessToken)).status).toBe(401);
      expect((await client.post('/auth/sign-out', { refreshToken: 'never-issued' })).status).toBe(204);
    });
  });

  describe('forged and misused access tokens', () => {
    let owner: Awaited<ReturnType<typeof signUpAndIn>>;
    let client: TestClient;
    let signingKey: KeyLike;
    let kid: string;
    let publicJwk: Record<string, string>;

    beforeAll(async () => {
      client = clientOf(url);
      owner = await signUpAndIn(client);
      const { rows } = await db.query('SELECT kid, private_jwk, public_jwk FROM identity.signing_keys');
      kid = rows[0].kid;
      publicJwk = rows[0].public_jwk;
      signingKey = (await importJWK(rows[0].private_jwk, 'EdDSA')) as KeyLike;
    });

    const claims = () => {
      const payload = JSON.parse(Buffer.from(owner.accessToken.split('.')[1]!, 'base64url').toString());
      return payload as Record<string, unknown>;
    };
    const users = (token: string) => client.get(`/accounts/${owner.accountId}/users`, token);

    it('accepts the genuine token', async () => {
      expect((await users(owner.accessToken)).status).toBe(200);
    });

    it('refuses no token, alg none, HS256 signed with the public key, another key, and tampering', async () => {
      expect((await users('')).status).toBe(401);
      const none = `${b64({ alg: 'none', typ: 'at+jwt', kid })}.${b64(claims())}.`;
      const pem = createPublicKey({ key: publicJwk as never, format: 'jwk' })
        .export({ type: 'spki', format: 'pem' })
        .toString();
      const input = `${b64({ alg: 'HS256', typ: 'at+jwt', kid })}.${b64(claims())}`;
      const hs256 = `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
      const { privateKey: otherKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const forged = await new SignJWT(claims()).setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' }).sign(otherKey);
      const [h, , s] = owner.accessToken.split('.');
      const tampered = `${h}.${b64({ ...claims(), acc: randomUUID() })}.${s}`;
      for (const token of [none, hs256, forged, tampered]) {
        const reply = await users(token);
        expect(reply.status).toBe(401);
        expect(reply.body.code).toBe('UNAUTHENTICATED');
      }
      expect((await users(hs256)).body.message).toBe('the access token is signed with an algorithm that is not accepted');
    });

    it('refuses an expired token', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      const expired = await new SignJWT({ ...claims(), iat: past, nbf: past, exp: past + 900 })
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
        .sign(signingKey);
      expect(await users(expired)).toMatchObject({
        status: 401,
        body: { code: 'UNAUTHENTICATED', message: 'the access token has expired' },
      });
    });

    it("answers 404 when account A's token is used on account B's resources, and changes nothing", async () => {
      const other = await signUpAndIn(clientOf(url));
      const before = await snapshot();
      expect(await client.get(`/accounts/${other.accountId}/users`, owner.accessToken)).toMatchObject({
        status: 404,
        body: { code: 'NOT_FOUND' },
      });
      expect((await client.delete(`/accounts/${other.accountId}/users/${other.ownerUserId}`, owner.accessToken)).status).toBe(
        404,
      );
      expect(
        (await client.patch(`/accounts/${other.accountId}/users/${other.ownerUserId}`, { role: 'user' }, owner.accessToken))
          .status,
      ).toBe(404);
      expect(
        (
          await client.post(
            `/accounts/${other.accountId}/invitations`,
            { email: uniqueEmail(), role: 'admin' },
            owner.accessToken,
          )
        ).status,
      ).toBe(404);
      expect((await client.post(`/accounts/${other.accountId}/closure`, { password: PASSWORD }, owner.accessToken)).status).toBe(
        404,
      );
      expect((await client.get(`/accounts/${other.accountId}/audit-log`, owner.accessToken)).status).toBe(404);
      expect(await snapshot()).toEqual(before);
    });

    it('keeps staff and customers apart', async () => {
      const staff = await client.post<{ accessToken: string }>('/staff/auth/sign-in', STAFF);
      expect(staff.status).toBe(200);
      expect(await client.get('/staff/me', staff.body.accessToken)).toMatchObject({
        status: 200,
        body: { kind: 'staff', email: STAFF.email },
      });
      expect((await client.get('/staff/me', owner.accessToken)).status).toBe(403);
      expect((await users(staff.body.accessToken)).status).toBe(403);
      // Customer credentials do not open the console, nor staff credentials a tenant.
      expect((await client.post('/staff/auth/sign-in', { email: owner.email, password: PASSWORD })).status).toBe(401);
      expect((await client.post('/auth/sign-in', STAFF)).status).toBe(401);
    });
  });

  describe('roles, invitations and seats', () => {
    it('invites with a single-use hashed token, joins with user.joined, and refuses a reused or expired token', async () => {
      const client = clientOf(url);
      const owner = await signUpAndIn(client);
      const invitee = uniqueEmail('mihai');
      const invited = await client.post<{ invitationId: string; expiresAt: string }>(
        `/accounts/${owner.accountId}/invitations`,
        { email: invitee, role: 'admin' },
        owner.accessToken,
      );
      expect(invited.status).toBe(201);
      expect(new Date(invited.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
      const event = await outboxEvent<{ acceptUrl: string }>(db, owner.accountId, 'obolus.identity.user.invited.v1');
      const token = new URL(event!.data.acceptUrl).searchParams.get('token')!;
      const stored = await db.query('SELECT token_hash FROM identity.invitations WHERE id = $1', [invited.body.invitationId]);
      expect(stored.rows[0].token_hash.toString('base64url')).not.toBe(token);
      // The owner sees it open (never its token); another account's owner cannot list it.
      const open = await client.get<{ invitationId: string; email: string; role: string }[]>(
        `/accounts/${owner.accountId}/invitations`,
        owner.accessToken,
      );
      expect(open).toMatchObject({
        status: 200,
        body: [{ invitationId: invited.body.invitationId, email: invitee, role: 'admin' }],
      });
      expect(JSON.stringify(open.body)).not.toContain(token);
      const stranger = await signUpAndIn(client);
      expect((await client.get(`/accounts/${owner.accountId}/invitations`, stranger.accessToken)).status).toBe(404);

      const joined = await client.post<{ userId: string }>('/invitations/accept', {
        token,
        password: 'Mihai-strong-pass-9',
        name: 'Mihai',
      });
      expect(joined.status).toBe(201);
      expect((await client.get(`/accounts/${owner.accountId}/invitations`, owner.accessToken)).body).toEqual([]);
      const joinedEvent = await outboxEvent<Record<string, unknown>>(db, owner.accountId, 'obolus.identity.user.joined.v1');
      expect(joinedEvent?.data).toMatchObject({
        accountId: owner.accountId,
        userId: joined.body.userId,
        email: invitee,
        role: 'admin',
      });

      const before = await snapshot();
      const reused = await client.post('/invitations/accept', { token, password: 'Another-strong-pass-1', name: 'Eve' });
      expect(reused).toMatchObject({ status: 400, body: { code: 'INVALID_TOKEN' } });
      expect(await snapshot()).toEqual(before);

      const second = await client.post<{ invitationId: string }>(
        `/accounts/${owner.accountId}/invitations`,
        { email: uniqueEmail(), role: 'user' },
        owner.accessToken,
      );
      await db.query(`UPDATE identity.invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        second.body.invitationId,
      ]);
      const expiredToken = new URL(
        (await outboxEvent<{ acceptUrl: string }>(db, owner.accountId, 'obolus.identity.user.invited.v1'))!.data.acceptUrl,
      ).searchParams.get('token');
      expect(
        (await client.post('/invitations/accept', { token: expiredToken, password: 'Another-strong-pass-1', name: 'Late' }))
          .status,
      ).toBe(400);

      const signIn = await client.post('/auth/sign-in', { email: invitee, password: 'Mihai-strong-pass-9' });
      expect(signIn).toMatchObject({ status: 200, body: { accountId: owner.accountId, role: 'admin' } });
    });

    it('enforces roles: users cannot manage, admins cannot touch owners, the only owner stays', async () => {
      const client = clientOf(url);
      const owner = await signUpAndIn(client);
      const join = async (role: 'admin' | 'user') => {
        const email = uniqueEmail(role);
        await client.post(`/accounts/${owner.accountId}/invitations`, { email, role }, owner.accessToken);
        const token = new URL(
          (await outboxEvent<{ acceptUrl: string }>(db, owner.accountId, 'obolus.identity.user.invited.v1'))!.data.acceptUrl,
        ).searchParams.get('token');
        const joined = await client.post<{ userId: string }>('/invitations/accept', {
          token,
          password: 'Member-strong-pass-2',
          name: role,
        });
        const signedIn = await client.post<{ accessToken: string }>('/auth/sign-in', { email, password: 'Member-strong-pass-2' });
        return { userId: joined.body.userId, token: signedIn.body.accessToken };
      };
      const admin = await join('admin');
      const user = await join('user');
      const base = `/accounts/${owner.accountId}`;

      expect((await client.get(`${base}/users`, user.token)).status).toBe(200);
      expect(await client.post(`${base}/invitations`, { email: uniqueEmail(), role: 'user' }, user.token)).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN' },
      });
      expect((await client.patch(`${base}/users/${admin.userId}`, { role: 'user' }, user.token)).status).toBe(403);
      expect((await client.get(`${base}/audit-log`, user.token)).status).toBe(403);

      expect((await client.patch(`${base}/users/${owner.ownerUserId}`, { role: 'user' }, admin.token)).status).toBe(403);
      expect((await client.delete(`${base}/users/${owner.ownerUserId}`, admin.token)).status).toBe(403);
      expect((await client.patch(`${base}/users/${user.userId}`, { role: 'owner' }, admin.token)).status).toBe(403);

      expect(await client.patch(`${base}/users/${owner.ownerUserId}`, { role: 'admin' }, owner.accessToken)).toMatchObject({
        status: 409,
        body: { code: 'LAST_OWNER' },
      });
      expect((await client.delete(`${base}/users/${owner.ownerUserId}`, owner.accessToken)).status).toBe(409);
      expect((await client.patch(`${base}/users/${user.userId}`, { role: 'superuser' }, owner.accessToken)).status).toBe(400);

      // A promoted user's old token no longer carries its role here; a refresh gives the new one.
      expect((await client.patch(`${base}/users/${user.userId}`, { role: 'admin' }, admin.token)).status).toBe(200);
      expect((await client.get(`${base}/users`, user.token)).status).toBe(401);

      // With a second owner, the first may step down.
      expect((await client.patch(`${base}/users/${admin.userId}`, { role: 'owner' }, owner.accessToken)).status).toBe(200);
      expect((await client.patch(`${base}/users/${owner.ownerUserId}`, { role: 'admin' }, owner.accessToken)).status).toBe(200);
      // The new owner's token still says admin: refused here until refreshed.
      expect((await client.get(`${base}/users`, admin.token)).status).toBe(401);
      const users = await client.get<{ userId: string; role: string }[]>(
        `${base}/users`,
        (await client.post<{ accessToken: string }>('/auth/refresh', { refreshToken: owner.refreshToken })).body.accessToken,
      );
      expect(Object.fromEntries(users.body.map((u) => [u.userId, u.role]))).toEqual({
        [owner.ownerUserId]: 'admin',
        [admin.userId]: 'owner',
        [user.userId]: 'admin',
      });
    });

    it('removes a user, emitting user.removed', async () => {
      const client = clientOf(url);
      const owner = await signUpAndIn(client);
      const email = uniqueEmail('ana');
      await client.post(`/accounts/${owner.accountId}/invitations`, { email, role: 'user' }, owner.accessToken);
      const token = new URL(
        (await outboxEvent<{ acceptUrl: string }>(db, owner.accountId, 'obolus.identity.user.invited.v1'))!.data.acceptUrl,
      ).searchParams.get('token');
      const joined = await client.post<{ userId: string }>('/invitations/accept', {
        token,
        password: 'Member-strong-pass-2',
        name: 'Ana',
      });
      expect((await client.delete(`/accounts/${owner.accountId}/users/${joined.body.userId}`, owner.accessToken)).status).toBe(
        204,
      );
      expect((await outboxEvent(db, owner.accountId, 'obolus.identity.user.removed.v1'))?.data).toMatchObject({
        accountId: owner.accountId,
        userId: joined.body.userId,
      });
      expect((await client.post('/auth/sign-in', { email, password: 'Member-strong-pass-2' })).status).toBe(401);
      expect((await client.delete(`/accounts/${owner.accountId}/users/${joined.body.userId}`, owner.accessToken)).status).toBe(
        404,
      );
    });
  });

  describe('passwords', () => {
    it('changes the password with the current one; the other sessions end', async () => {
      const client = clientOf(url);
      const owner = await signUpAndIn(client);
      const other = await client.post<{ refreshToken: string; accessToken: string }>('/auth/sign-in', {
        email: owner.email,
        password: PASSWORD,
      });
      expect(
        await client.post(
          '/auth/password',
          { currentPassword: 'wrong-password-x', newPassword: 'Brand-new-secret-42' },
          owner.accessToken,
        ),
      ).toMatchObject({
        status: 403,
        body: { code: 'WRONG_PASSWORD' },
      });
      expect(
        (await client.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }, owner.accessToken)).status,
      ).toBe(400);
      expect(
        (
          await client.post(
            '/auth/password',
            { currentPassword: PASSWORD, newPassword: 'Brand-new-secret-42' },
            owner.accessToken,
          )
        ).status,
      ).toBe(204);
      expect((await client.post('/auth/refresh', { refreshToken: other.body.refreshToken })).status).toBe(401);
      expect((await client.get(`/accounts/${owner.accountId}/users`, other.body.accessToken)).status).toBe(401);
      expect((await client.post('/auth/refresh', { refreshToken: owner.refreshToken })).status).toBe(200);
      expect((await client.post('/auth/sign-in', { email: owner.email, password: PASSWORD })).status).toBe(401);
      expect((await client.post('/auth/sign-in', { email: owner.email, password: 'Brand-new-secret-42' })).status).toBe(200);
    });

    it('resets a forgotten password with a single-use token of one hour; the answer never reveals the address', async () => {
      const client = clientOf(url);
      const owner = await signUpAndIn(client);
      const known = await client.post('/auth/password-reset', { email: owner.email.toUpperCase() });
      const unknown = await client.post('/auth/password-reset', { email: uniqueEmail() });
      expect(known).toMatchObject({ status: 202, body: {} });
      expect(unknown).toMatchObject({ status: 202, body: {} });
      const event = await outboxEvent<{ resetUrl: string; expiresAt: string; email: string; locale: string; userId: string }>(
        db,
        owner.accountId,
        'obolus.identity.credentials.password-reset-requested.v1',
      );
      expect(event?.data).toMatchObject({ email: owner.email, locale: 'fr', userId: owner.ownerUserId });
      expect(Math.abs(new Date(event!.data.expiresAt).getTime() - Date.now() - 3_600_000)).toBeLessThan(60_000);
      const token = new URL(event!.data.resetUrl).searchParams.get('token');

      expect((await client.post('/auth/password-reset/confirm', { token, newPassword: 'Reset-secret-2026' })).status).toBe(204);
      expect((await client.post('/auth/refresh', { refreshToken: owner.refreshToken })).status).toBe(401);
      expect((await client.post('/auth/sign-in', { email: owner.email, password: 'Reset-secret-2026' })).status).toBe(200);
      const before = await snapshot();
      expect(await client.post('/auth/password-reset/confirm', { token, newPassword: 'Again-secret-2026' })).toMatchObject({
        status: 400,
        body: { code: 'INVALID_TOKEN' },
      });
      expect(await snapshot()).toEqual(before);
      expect((await client.post('/auth/sign-in', { email: owner.email, password: 'Again-secret-2026' })).status).toBe(401);

      await client.post('/auth/password-reset', { email: owner.email });
      await db.query(
        `UPDATE identity.password_reset_tokens SET expires_at = now() - interval '1 second' WHERE account_id = $1 AND used_at IS NULL`,
        [owner.accountId],
      );
      const late = new URL(
        (await outboxEvent<{ resetUrl: string }>(
          db,
          owner.accountId,
          'obolus.identity.credentials.password-reset-requested.v1',
        ))!.data.resetUrl,
      ).searchParams.get('token');
      expect((await client.post('/auth/password-reset/confirm', { token: late, newPassword: 'Late-secret-2026x' })).status).toBe(
        400,
      );
    });
  });

  describe('account closure and audit', () => {
    it('closes on the owner’s request with re-authentication, blocks at once, emits the event, and purges after retention', async () => {
      const client = clientOf(url);
      const owner = await signUpAndIn(client);
      const base = `/accounts/${owner.accountId}`;
      expect(await client.post(`${base}/closure`, { password: 'not-my-password' }, owner.accessToken)).toMatchObject({
        status: 403,
        body: { code: 'WRONG_PASSWORD' },
      });
      expect((await client.post(`${base}/closure`, {}, owner.accessToken)).status).toBe(400);
      const closed = await client.post<{ status: string; purgeAfter: string }>(
        `${base}/closure`,
        { password: PASSWORD },
        owner.accessToken,
      );
      expect(closed).toMatchObject({ status: 202, body: { accountId: owner.accountId, status: 'blocked' } });
      const event = await outboxEvent<Record<string, unknown>>(
        db,
        owner.accountId,
        'obolus.identity.account.closure-requested.v1',
      );
      expect(event?.data).toMatchObject({
        accountId: owner.accountId,
        requestedByUserId: owner.ownerUserId,
        ownerEmail: owner.email,
      });

      expect((await client.get(`${base}/users`, owner.accessToken)).status).toBe(401);
      expect((await client.post('/auth/refresh', { refreshToken: owner.refreshToken })).status).toBe(401);
      expect(await client.post('/auth/sign-in', { email: owner.email, password: PASSWORD })).toMatchObject({
        status: 403,
        body: { code: 'ACCOUNT_CLOSED' },
      });

      // The closure planned the purge as a durable job of the account (retention 0 here): it is due now.
      const job = await db.query(
        `SELECT status FROM identity.scheduled_jobs WHERE kind = 'identity.purge-closed-account' AND job_key = $1`,
        [owner.accountId],
      );
      expect(job.rows).toHaveLength(1);
      // The wall-clock poll leaves an account with a purge job to it.
      await app.get(PurgeClosedAccountsUseCase).execute();
      await app.get(ScheduledJobRunner).runDue();
      // The service's own runner may have claimed the job first: wait for its commit.
      await waitFor(() => outboxEvent(db, owner.accountId, 'obolus.identity.account.purged.v1'), {
        what: 'the purge job',
        timeoutMs: 15_000,
      });
      const account = await db.query('SELECT status, company_name, purged_at FROM identity.accounts WHERE id = $1', [
        owner.accountId,
      ]);
      expect(account.rows[0]).toMatchObject({ status: 'closed', company_name: '[purged]' });
      expect((await db.query('SELECT 1 FROM identity.users WHERE account_id = $1', [owner.accountId])).rowCount).toBe(0);
      // The address is free again.
      expect(
        (
          await client.post('/accounts', {
            companyName: 'Again',
            email: owner.email,
            password: PASSWORD,
            country: 'FR',
            catalog: 'fr-crm',
            signupChannel: 'web',
          })
        ).status,
      ).toBe(201);
    });

    it('only the owner may close', async () => {
      const client = clientOf(url);
      const owner = await signUpAndIn(client);
      const email = uniqueEmail('admin');
      await client.post(`/accounts/${owner.accountId}/invitations`, { email, role: 'admin' }, owner.accessToken);
      const token = new URL(
        (await outboxEvent<{ acceptUrl: string }>(db, owner.accountId, 'obolus.identity.user.invited.v1'))!.data.acceptUrl,
      ).searchParams.get('token');
      await client.post('/invitations/accept', { token, password: 'Member-strong-pass-2', name: 'Admin' });
      const admin = await client.post<{ accessToken: string }>('/auth/sign-in', { email, password: 'Member-strong-pass-2' });
      expect(
        (await client.post(`/accounts/${owner.accountId}/closure`, { password: 'Member-strong-pass-2' }, admin.body.accessToken))
          .status,
      ).toBe(403);
      expect((await db.query('SELECT status FROM identity.accounts WHERE id = $1', [owner.accountId])).rows[0].status).toBe(
        'active',
      );
    });

    it('records security events in the audit log, readable by owners and admins', async () => {
      const client = clientOf(url);
      const owner = await signUpAndIn(client);
      await client.post('/auth/sign-in', { email: owner.email, password: 'wrong-password-x' });
      await client.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'Brand-new-secret-42' }, owner.accessToken);
      const log = await client.get<{ event: string; clientIp: string }[]>(
        `/accounts/${owner.accountId}/audit-log?limit=10`,
        owner.accessToken,
      );
      expect(log.status).toBe(200);
      expect(log.body.map((e) => e.event)).toEqual(['password.changed', 'sign-in.failed', 'sign-in.succeeded']);
      expect(log.body[0]!.clientIp).toBe(client.ip);
      expect((await client.get(`/accounts/${owner.accountId}/audit-log?limit=5000`, owner.accessToken)).status).toBe(400);
    });
  });

  it('publishes OpenAPI for every route', async () => {
    const doc = await clientOf(url).get<{ paths: Record<string, Record<string, unknown>> }>('/docs-json');
    expect(doc.status).toBe(200);
    const routes = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /accounts',
        'POST /auth/sign-in',
        'POST /auth/refresh',
        'POST /auth/sign-out',
        'POST /auth/password',
        'POST /auth/password-reset',
        'POST /auth/password-reset/confirm',
        'GET /accounts/{accountId}/users',
        'PATCH /accounts/{accountId}/users/{userId}',
        'DELETE /accounts/{accountId}/users/{userId}',
        'POST /accounts/{accountId}/invitations',
        'POST /invitations/accept',
        'POST /accounts/{accountId}/closure',
        'GET /accounts/{accountId}/audit-log',
        'POST /staff/auth/sign-in',
        'GET /staff/me',
        'GET /.well-known/jwks.json',
      ]),
    );
  });
});
