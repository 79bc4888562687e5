import { INestApplication } from '@nestjs/common';
import { TestTokenIssuer } from '@obolus/auth';
import { AccountClocks, ScheduledJobRunner, UnitOfWorkRunner } from '@obolus/messaging';
import { serveJwks } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CatalogRegistry } from '../src/catalog/catalog-registry';
import { CatalogRevisions } from '../src/catalog/catalog-revisions';
import { PurchaseCommand, PurchaseInput } from '../src/subscriptions/use-cases/purchase/purchase.command';
import { PurchaseUseCase } from '../src/subscriptions/use-cases/purchase/purchase.use-case';
import { StartTrialCommand } from '../src/subscriptions/use-cases/start-trial/start-trial.command';
import { StartTrialUseCase } from '../src/subscriptions/use-cases/start-trial/start-trial.use-case';
import { startSubscriptions } from './start-subscriptions';

const MB = 1024 * 1024;
const GB = 1024 * MB;

/**
 * Entitlements on real Postgres through the service's HTTP routes (C6, C7, issue 13): every edition's
 * features and limits, the seat, document and storage limits, a blocked account, a downgrade, and
 * entitlements.changed in the outbox agreeing with the API.
 */
describe('entitlements (C6, C7)', () => {
  let app: INestApplication;
  let url: string;
  let db: Client;
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let issuer: TestTokenIssuer;
  let work: UnitOfWorkRunner;
  const clockId = randomUUID();

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    ({ app, url } = await startSubscriptions(jwks.url));
    work = app.get(UnitOfWorkRunner);
    await app.get(CatalogRevisions).settled;
    await work.run((uow) => app.get(AccountClocks).advance(uow, clockId, new Date('2031-03-01T09:00:00Z')));
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await jwks?.close();
  });

  /** An account on this test's clock, in its trial; with a token of its owner. */
  async function account(catalog: 'fr-crm' | 'ro-crm') {
    const accountId = randomUUID();
    await work.run((uow) => app.get(AccountClocks).assign(uow, accountId, clockId));
    await work.run((uow) =>
      app
        .get(StartTrialUseCase)
        .execute(StartTrialCommand.create({ accountId, catalog, signupChannel: 'web', createdAt: '2031-03-01T09:00:00Z' }), uow),
    );
    const token = await issuer.customer({ userId: randomUUID(), accountId, email: 'owner@example.eu', role: 'owner' });
    return { accountId, token };
  }

  const buy = (accountId: string, input: Omit<PurchaseInput, 'accountId' | 'paymentMethod'>) =>
    work.run((uow) =>
      app.get(PurchaseUseCase).execute(PurchaseCommand.create({ accountId, paymentMethod: 'card', ...input }), uow),
    );

  async function call<T>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  const entitlements = async (who: { accountId: string; token: string }) =>
    (
      await call<{ edition: string; status: string; features: string[]; limits: Record<string, unknown>; version: number }>(
        'GET',
        `/accounts/${who.accountId}/entitlements`,
        who.token,
      )
    ).body;
  const check = (who: { accountId: string; token: string }, question: unknown) =>
    call<{ allowed: boolean; reason?: string; limit?: number; remaining?: number }>(
      'POST',
      `/accounts/${who.accountId}/entitlements/check`,
      who.token,
      question,
    );

  it('gives every edition of both catalogs its own features and the catalog limits', async () => {
    const catalogs = app.get(CatalogRegistry);
    for (const catalog of catalogs.all()) {
      for (const edition of catalog.editions.filter((e) => e.code !== catalog.freeEdition)) {
        const who = await account(catalog.code);
        await buy(who.accountId, { edition: edition.code, term: catalog.terms[0]!, seats: 1 });
        const answer = await entitlements(who);
        expect(answer).toMatchObject({ edition: edition.code, status: 'active', features: edition.features });
        expect(answer.limits).toEqual({
          seats: edition.maxSeats,
          documentMaxBytes: 20 * MB,
          storageBytesPerSeat: 10 * GB,
          storageBytes: 10 * GB,
          prospects: null,
          opportunities: null,
        });
      }
    }
  });

  it('refuses a second seat on Solopreneur, a 25 MB document (a 19 MB one is allowed) and storage at the limit', async () => {
    const solo = await account('fr-crm');
    await buy(solo.accountId, { edition: 'solopreneur', term: 'monthly', seats: 1 });
    expect((await check(solo, { addSeats: 1 })).body).toEqual({
      allowed: false,
      reason: 'the edition is for at most 1 user(s)',
      limit: 1,
      remaining: 0,
    });
    expect((await check(solo, { storeBytes: 25 * MB })).body).toMatchObject({ allowed: false, limit: 20 * MB });
    expect((await check(solo, { storeBytes: 19 * MB })).body).toMatchObject({ allowed: true });

    const usage = await call<{ storageBytes: number; recorded: boolean }>(
      'POST',
      `/accounts/${solo.accountId}/usage`,
      solo.token,
      {
        usageId: 'bulk-import-1',
        storageDeltaBytes: 10 * GB,
      },
    );
    expect(usage.body).toEqual({ usageId: 'bulk-import-1', recorded: true, storageBytes: 10 * GB });
    const again = await call('POST', `/accounts/${solo.accountId}/usage`, solo.token, {
      usageId: 'bulk-import-1',
      storageDeltaBytes: 10 * GB,
    });
    expect(again.body).toMatchObject({ recorded: false, storageBytes: 10 * GB });
    expect((await check(solo, { storeBytes: 1 })).body).toMatchObject({ allowed: false, remaining: 0, limit: 10 * GB });
  });

  it('refuses a blocked fr-crm account everything but billing: purchase still works', async () => {
    const who = await account('fr-crm');
    await work.run((uow) => app.get(AccountClocks).advance(uow, clockId, new Date('2031-04-15T09:00:00Z')));
    await app.get(ScheduledJobRunner).runDue({ clockId });
    expect(await entitlements(who)).toMatchObject({ status: 'blocked', features: [] });
    for (const question of [{ feature: 'teams' }, { storeBytes: 1 }, { addSeats: 1 }]) {
      expect((await check(who, question)).body).toMatchObject({ allowed: false, reason: expect.stringContaining('blocked') });
    }
    const bought = await call<{ status: string }>('POST', `/accounts/${who.accountId}/subscription/purchase`, who.token, {
      edition: 'dream-team',
      term: 'monthly',
      seats: 1,
      paymentMethod: 'card',
    });
    expect(bought).toMatchObject({ status: 200, body: { status: 'active' } });
    expect((await check(who, { feature: 'teams' })).body).toEqual({ allowed: true });
  });

  it('takes Premium features away the moment a Premium period expires to Standard, and entitlements.changed says the same as the API', async () => {
    const who = await account('ro-crm');
    await buy(who.accountId, { edition: 'premium', term: 'prepaid-1', seats: 1 });
    expect((await check(who, { feature: 'reports' })).body).toEqual({ allowed: true });
    await work.run((uow) => app.get(AccountClocks).advance(uow, clockId, new Date('2031-06-15T09:00:00Z')));
    await app.get(ScheduledJobRunner).runDue({ clockId });
    const answer = await entitlements(who);
    expect(answer).toMatchObject({ edition: 'standard', status: 'free', features: ['contacts', 'deals', 'tasks'] });
    expect((await check(who, { feature: 'reports' })).body).toEqual({
      allowed: false,
      reason: 'Standard does not include reports',
    });
    const { rows } = await db.query<{ data: { version: number } }>(
      `SELECT envelope->'data' AS data FROM subscriptions.outbox
        WHERE event_type = 'obolus.subscriptions.entitlements.changed.v1' AND envelope->'data'->>'accountId' = $1
        ORDER BY seq`,
      [who.accountId],
    );
    const last = rows.at(-1)!.data;
    expect(last).toEqual({ ...answer, changedAt: expect.any(String) });
  });

  it('answers 400 naming the field for an unknown feature, a negative size or no question, and 404 for another account', async () => {
    const who = await account('fr-crm');
    const unknown = await check(who, { feature: 'time-travel' });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'UNKNOWN_FEATURE', fields: [{ field: 'feature' }] } });
    expect((await check(who, { storeBytes: -5 })).status).toBe(400);
    expect((await check(who, {})).status).toBe(400);
    const other = await call('GET', `/accounts/${randomUUID()}/entitlements`, who.token);
    expect(other.status).toBe(404);
  });

  it("answers an integrator's API key for any account, and refuses it once revoked", async () => {
    const who = await account('fr-crm');
    const staff = await issuer.staff({ staffId: randomUUID(), email: 'ops@obolus.eu', roles: [] });
    const created = await call<{ id: string; key: string }>('POST', '/staff/api-keys', staff, { name: 'CRM production' });
    expect(created.status).toBe(201);
    const withKey = (path: string, init: RequestInit = {}) =>
      fetch(`${url}${path}`, { ...init, headers: { 'x-api-key': created.body.key, 'content-type': 'application/json' } });
    const answer = await withKey(`/accounts/${who.accountId}/entitlements/check`, {
      method: 'POST',
      body: JSON.stringify({ feature: 'teams' }),
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ allowed: true });
    expect((await withKey(`/accounts/${who.accountId}/entitlements`)).status).toBe(200);
    expect((await call('DELETE', `/staff/api-keys/${created.body.id}`, staff)).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await withKey(`/accounts/${who.accountId}/entitlements`)).status).toBe(401);
  });
});
