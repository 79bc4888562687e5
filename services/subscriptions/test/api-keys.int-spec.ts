import { ExecutionContext, INestApplication } from '@nestjs/common';
import { TestTokenIssuer } from '@obolus/auth';
import { serveJwks } from '@obolus/testing';
import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EntitlementsAccessGuard, EntitlementsPrincipal } from '../src/api-keys/entitlements-access.guard';
import { startSubscriptions } from './start-subscriptions';

/**
 * API keys on real Postgres: staff create, list and revoke them over HTTP; the EntitlementsAccessGuard
 * of the running service (no route of this service uses it yet in this test) accepts a key, or the
 * account's own token, and stops accepting a revoked key.
 */
describe('subscriptions API keys', () => {
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let issuer: TestTokenIssuer;
  let database: Client;
  let app: INestApplication;
  let url: string;
  let guard: EntitlementsAccessGuard;
  let staff: string;
  const staffId = randomUUID();

  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, text };
  };

  /** Runs the service's guard on a request to /accounts/:accountId/entitlements with these headers. */
  const guardAnswer = async (headers: Record<string, string>, accountId: string = randomUUID()) => {
    const request: { headers: Record<string, string>; params: Record<string, string>; principal?: EntitlementsPrincipal } = {
      headers,
      params: { accountId },
    };
    const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
    try {
      await guard.canActivate(context);
      return { allowed: true, principal: request.principal };
    } catch (error) {
      const { code, kind } = error as { code: string; kind: string };
      return { allowed: false, code, kind };
    }
  };

  const createKey = async (name: string) => {
    const created = await call('POST', '/staff/api-keys', { name }, staff);
    expect(created.status).toBe(201);
    return created.body as { id: string; name: string; prefix: string; key: string; createdAt: string };
  };

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    database = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await database.connect();
    ({ app, url } = await startSubscriptions(jwks.url));
    guard = app.get(EntitlementsAccessGuard);
    staff = await issuer.staff({ staffId, email: 'ops@obolus.eu', roles: [] });
  });
  afterAll(async () => {
    await app?.close();
    await database?.end();
    await jwks?.close();
  });

  it('creates a key (201), shown once and stored as its SHA-256 only; the list names it without the key', async () => {
    const created = await call('POST', '/staff/api-keys', { name: 'fr-crm production' }, staff);
    expect(created).toMatchObject({
      status: 201,
      body: {
        id: expect.any(String),
        name: 'fr-crm production',
        prefix: expect.stringMatching(/^[0-9a-f]{8}$/),
        key: expect.stringMatching(/^obk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/),
        createdAt: expect.any(String),
      },
    });
    const { id, key, prefix } = created.body as { id: string; key: string; prefix: string };
    expect(key.startsWith(`obk_${prefix}_`)).toBe(true);

    const { rows } = await database.query(`SELECT * FROM subscriptions.api_keys WHERE id = $1`, [id]);
    expect(rows).toEqual([
      {
        id,
        name: 'fr-crm production',
        prefix,
        key_hash: createHash('sha256').update(key).digest('hex'),
        created_by: staffId,
        created_at: expect.any(Date),
        revoked_at: null,
        last_used_at: null,
      },
    ]);
    const secret = key.slice(`obk_${prefix}_`.length);
    expect(JSON.stringify(rows)).not.toContain(secret);

    const listed = await call('GET', '/staff/api-keys', undefined, staff);
    expect(listed.status).toBe(200);
    expect(listed.body).toContainEqual({
      id,
      name: 'fr-crm production',
      prefix,
      createdBy: staffId,
      createdAt: (created.body as { createdAt: string }).createdAt,
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(listed.text).not.toContain(secret);
  });

  it('keeps the key routes for staff: 401 without a token, 403 with a customer token', async () => {
    const customer = await issuer.customer({ userId: randomUUID(), accountId: randomUUID(), email: 'o@a.fr', role: 'owner' });
    expect((await call('POST', '/staff/api-keys', { name: 'x' })).status).toBe(401);
    expect((await call('GET', '/staff/api-keys', undefined, customer)).status).toBe(403);
    expect((await call('POST', '/staff/api-keys', { name: 'x' }, customer)).status).toBe(403);
    expect((await call('DELETE', `/staff/api-keys/${randomUUID()}`, undefined, customer)).status).toBe(403);
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a name of 201 characters', { name: 'x'.repeat(201) }, 'name'],
    ['a name that is not text', { name: 42 }, 'name'],
    ['no name', {}, 'name'],
    ['a field of its own choosing', { name: 'ok', key: 'obk_00000000_mine' }, 'key'],
  ])('refuses %s with 400 {code, message, fields} and stores nothing', async (_case, body, field) => {
    const before = await database.query(`SELECT count(*)::int AS n FROM subscriptions.api_keys`);
    const refused = await call('POST', '/staff/api-keys', body, staff);
    expect(refused).toMatchObject({
      status: 400,
      body: {
        code: expect.any(String),
        message: expect.any(String),
        fields: expect.arrayContaining([expect.objectContaining({ field })]),
      },
    });
    expect((await database.query(`SELECT count(*)::int AS n FROM subscriptions.api_keys`)).rows).toEqual(before.rows);
  });

  it('refuses to revoke an id that is not a UUID with 400 naming id, and an unknown one with 404', async () => {
    expect(await call('DELETE', `/staff/api-keys/not-a-uuid`, undefined, staff)).toMatchObject({
      status: 400,
      body: { code: 'INVALID_COMMAND', message: expect.any(String), fields: [expect.objectContaining({ field: 'id' })] },
    });
    expect(await call('DELETE', `/staff/api-keys/${randomUUID()}`, undefined, staff)).toMatchObject({
      status: 404,
      // An error without field problems has no `fields` in its body (DomainError.toBody).
      body: { code: 'API_KEY_NOT_FOUND', message: expect.any(String) },
    });
  });

  it("lets a key through for any account and the account's own token for its account only", async () => {
    const created = await createKey('ro-crm production');
    const accountId = randomUUID();
    expect(await guardAnswer({ 'x-api-key': created.key }, accountId)).toEqual({
      allowed: true,
      principal: { kind: 'service', keyId: created.id, name: 'ro-crm production' },
    });
    expect((await guardAnswer({ 'x-api-key': created.key })).allowed).toBe(true);
    const { rows } = await database.query(`SELECT last_used_at FROM subscriptions.api_keys WHERE id = $1`, [created.id]);
    expect(rows[0].last_used_at).toBeInstanceOf(Date);

    const customer = await issuer.customer({ userId: randomUUID(), accountId, email: 'u@a.ro', role: 'user' });
    expect(await guardAnswer({ authorization: `Bearer ${customer}` }, accountId)).toMatchObject({
      allowed: true,
      principal: { kind: 'customer', accountId },
    });
    expect(await guardAnswer({ authorization: `Bearer ${customer}` })).toMatchObject({ allowed: false, code: 'NOT_FOUND' });
    expect(await guardAnswer({ authorization: `Bearer ${staff}` }, accountId)).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
    expect(await guardAnswer({}, accountId)).toMatchObject({ allowed: false, code: 'UNAUTHENTICATED' });
    expect(await guardAnswer({ 'x-api-key': `obk_${created.prefix}_${'A'.repeat(43)}` })).toMatchObject({
      allowed: false,
      code: 'UNAUTHENTICATED',
    });
  });

  it('revokes a key (204): refused at once by this instance, listed as revoked, and 404 the second time', async () => {
    const created = await createKey('to revoke');
    expect((await guardAnswer({ 'x-api-key': created.key })).allowed).toBe(true);

    expect((await call('DELETE', `/staff/api-keys/${created.id}`, undefined, staff)).status).toBe(204);
    expect(await guardAnswer({ 'x-api-key': created.key })).toMatchObject({
      allowed: false,
      code: 'UNAUTHENTICATED',
      kind: 'unauthenticated',
    });
    const listed = (await call('GET', '/staff/api-keys', undefined, staff)).body as { id: string; revokedAt: string | null }[];
    expect(listed.find((key) => key.id === created.id)?.revokedAt).toEqual(expect.any(String));
    expect(await call('DELETE', `/staff/api-keys/${created.id}`, undefined, staff)).toMatchObject({
      status: 404,
      body: { code: 'API_KEY_NOT_FOUND' },
    });
  });

  it('stops accepting a key revoked by another instance within 1 s', async () => {
    const created = await createKey('revoked elsewhere');
    expect((await guardAnswer({ 'x-api-key': created.key })).allowed).toBe(true);
    // As another instance's revocation would: the row changes, this process is not told.
    await database.query(`UPDATE subscriptions.api_keys SET revoked_at = now() WHERE id = $1`, [created.id]);
    const revokedAt = Date.now();
    let answer = await guardAnswer({ 'x-api-key': created.key });
    while (answer.allowed && Date.now() - revokedAt < 3_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await guardAnswer({ 'x-api-key': created.key });
    }
    expect(answer).toMatchObject({ allowed: false, code: 'UNAUTHENTICATED' });
    expect(Date.now() - revokedAt).toBeLessThanOrEqual(1_100);
  });
});
