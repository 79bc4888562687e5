import { INestApplication } from '@nestjs/common';
import { TestTokenIssuer } from '@obolus/auth';
import { serveJwks } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startSubscriptions } from './start-subscriptions';

/** The test-clock API on real Postgres and Kafka, with test clocks enabled and then for staff only. */
describe('subscriptions test clocks', () => {
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let issuer: TestTokenIssuer;
  let database: Client;
  const apps: INestApplication[] = [];

  const start = async (testClocks: string | undefined): Promise<string> => {
    const { app, url } = await startSubscriptions(jwks.url, { OBOLUS_TEST_CLOCKS: testClocks });
    apps.push(app);
    return url;
  };

  const call = async (url: string, method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    database = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await database.connect();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.end();
    await jwks?.close();
    delete process.env.OBOLUS_TEST_CLOCKS;
  });

  describe('with OBOLUS_TEST_CLOCKS=enabled', () => {
    let url: string;
    beforeAll(async () => {
      url = await start('enabled');
    });
    afterAll(async () => {
      await apps.pop()?.close();
    });

    it('creates a clock, moves it forward (202, advancing), and announces both on the test-clock topic', async () => {
      const created = await call(url, 'POST', '/test-clocks', { frozenTime: '2026-01-01T00:00:00Z', name: 'renewals' });
      expect(created).toEqual({
        status: 201,
        body: { id: expect.any(String), name: 'renewals', frozenTime: '2026-01-01T00:00:00.000Z', status: 'advancing' },
      });
      const id = created.body!.id as string;
      const advanced = await call(url, 'POST', `/test-clocks/${id}/advance`, { frozenTime: '2027-02-05T00:00:00Z' });
      expect(advanced).toMatchObject({ status: 202, body: { id, frozenTime: '2027-02-05T00:00:00.000Z', status: 'advancing' } });
      expect(await call(url, 'GET', `/test-clocks/${id}`)).toMatchObject({
        status: 200,
        body: { id, frozenTime: '2027-02-05T00:00:00.000Z', status: expect.stringMatching(/^(advancing|ready)$/) },
      });
      const { rows } = await database.query<{ event_type: string; message_key: string }>(
        `SELECT event_type, message_key FROM subscriptions.outbox WHERE message_key = $1 ORDER BY seq`,
        [id],
      );
      expect(rows.map((row) => row.event_type)).toEqual([
        'obolus.subscriptions.test-clock.created.v1',
        'obolus.subscriptions.test-clock.advanced.v1',
      ]);
    });

    it('becomes ready once every service has reported for its frozen time', async () => {
      const id = (await call(url, 'POST', '/test-clocks', { frozenTime: '2026-01-01T00:00:00Z', name: 'ready' })).body!
        .id as string;
      // subscriptions itself follows the clock and reports; the five others are written as their reports would be.
      for (const service of ['identity', 'invoicing', 'payments', 'efactura-gateway', 'notifications']) {
        await database.query(
          `INSERT INTO subscriptions.test_clock_reports (clock_id, service, frozen_time, reported_at) VALUES ($1, $2, '2026-01-01T00:00:00Z', now())`,
          [id, service],
        );
      }
      const deadline = Date.now() + 30_000;
      let status: unknown;
      while (Date.now() < deadline && (status = (await call(url, 'GET', `/test-clocks/${id}`)).body?.status) !== 'ready') {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe('ready');
    });

    it('refuses to move a clock backwards with 400 naming frozenTime, and leaves it where it is', async () => {
      const id = (await call(url, 'POST', '/test-clocks', { frozenTime: '2026-06-01T00:00:00Z', name: 'back' })).body!
        .id as string;
      const refused = await call(url, 'POST', `/test-clocks/${id}/advance`, { frozenTime: '2026-05-31T23:59:59Z' });
      expect(refused).toEqual({
        status: 400,
        body: {
          code: 'TEST_CLOCK_BACKWARDS',
          message: expect.any(String),
          fields: [expect.objectContaining({ field: 'frozenTime' })],
        },
      });
      expect((await call(url, 'GET', `/test-clocks/${id}`)).body?.frozenTime).toBe('2026-06-01T00:00:00.000Z');
    });

    it('refuses bad bodies with 400 naming the field, and answers 404 for unknown and deleted clocks', async () => {
      expect(await call(url, 'POST', '/test-clocks', { frozenTime: 'soon', name: 'x' })).toMatchObject({
        status: 400,
        body: { fields: [expect.objectContaining({ field: 'frozenTime' })] },
      });
      expect((await call(url, 'GET', `/test-clocks/${randomUUID()}`)).status).toBe(404);
      const id = (await call(url, 'POST', '/test-clocks', { frozenTime: '2026-06-01T00:00:00Z', name: 'gone' })).body!
        .id as string;
      expect((await call(url, 'DELETE', `/test-clocks/${id}`)).status).toBe(204);
      expect((await call(url, 'GET', `/test-clocks/${id}`)).status).toBe(404);
      expect((await call(url, 'DELETE', `/test-clocks/${id}`)).status).toBe(404);
    });
  });

  describe('without OBOLUS_TEST_CLOCKS', () => {
    let url: string;
    beforeAll(async () => {
      url = await start(undefined);
    });

    it('answers 404 to anonymous and customer callers, and serves staff', async () => {
      const customer = await issuer.customer({ userId: randomUUID(), accountId: randomUUID(), email: 'o@a.fr', role: 'owner' });
      const body = { frozenTime: '2026-01-01T00:00:00Z', name: 'staff only' };
      expect((await call(url, 'POST', '/test-clocks', body)).status).toBe(404);
      expect((await call(url, 'POST', '/test-clocks', body, customer)).status).toBe(404);
      expect((await call(url, 'GET', `/test-clocks/${randomUUID()}`, undefined, customer)).status).toBe(404);
      const staff = await issuer.staff({ staffId: randomUUID(), email: 'ops@obolus.eu', roles: [] });
      expect(await call(url, 'POST', '/test-clocks', body, staff)).toMatchObject({ status: 201, body: { name: 'staff only' } });
    });
  });
});
