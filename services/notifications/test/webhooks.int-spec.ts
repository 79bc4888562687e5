import { INestApplication } from '@nestjs/common';
import { TestTokenIssuer } from '@obolus/auth';
import { CloudEvent } from '@obolus/contracts';
import { AccountClocks, EventHandlerContext, UnitOfWorkRunner } from '@obolus/messaging';
import { serveJwks, waitFor } from '@obolus/testing';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { RETRY_DELAYS_MS } from '../src/webhooks/delivery/retry-schedule';
import { WebhooksConsumer } from '../src/webhooks/webhooks.consumer';
import { startNotifications } from './start-notifications';

/** A receiver on loopback: it records every request and answers with the statuses it is given, then 200. */
class Receiver {
  readonly requests: { headers: IncomingHttpHeaders; body: string }[] = [];
  private answers: number[] = [];
  private server?: Server;
  url = '';

  answerNext(...statuses: number[]): void {
    this.answers.push(...statuses);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const status = this.answers.shift() ?? 200;
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : `failing on purpose (${status})`);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Standard Webhooks verification, written from the specification for this test. */
function verify(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signed = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`;
  const expected = `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
  return String(headers['webhook-signature']).split(' ').includes(expected);
}

const START = new Date('2031-05-01T08:00:00.000Z');

describe('webhooks (notifications, real Postgres, receivers on loopback)', () => {
  let app: INestApplication;
  let url: string;
  let db: Client;
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let issuer: TestTokenIssuer;
  let work: UnitOfWorkRunner;
  const clockId = randomUUID();
  let clockTime = START;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    ({ app, url } = await startNotifications(jwks.url));
    work = app.get(UnitOfWorkRunner);
    await work.run((uow) => app.get(AccountClocks).advance(uow, clockId, START));
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await jwks?.close();
  });

  async function account() {
    const accountId = randomUUID();
    await work.run((uow) => app.get(AccountClocks).assign(uow, accountId, clockId));
    const token = await issuer.customer({ userId: randomUUID(), accountId, email: `owner-${accountId.slice(0, 8)}@example.eu`, role: 'owner' });
    return { accountId, token };
  }

  async function call<T>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  type Endpoint = { id: string; secret: string; url: string; status: string };
  const register = async (who: { accountId: string; token: string }, receiverUrl: string, eventTypes = ['invoice.issued']) => {
    const created = await call<Endpoint>('POST', `/accounts/${who.accountId}/webhook-endpoints`, who.token, {
      url: receiverUrl,
      eventTypes,
      description: 'CRM billing sync',
    });
    if (created.status !== 201) throw new Error(`registration answered ${created.status}: ${JSON.stringify(created.body)}`);
    return created.body;
  };

  /** An offered event for an account, handed to the webhooks consumer in one unit of work, as the transport does. */
  async function publish(accountId: string, type = 'obolus.invoicing.invoice.issued.v1'): Promise<CloudEvent<{ accountId: string }>> {
    const event = {
      specversion: '1.0',
      id: randomUUID(),
      source: '/obolus/invoicing',
      type,
      time: clockTime.toISOString(),
      datacontenttype: 'application/json',
      accountid: accountId,
      data: { accountId, invoiceId: randomUUID(), number: 'OBFR-2031-000042' },
    } as CloudEvent<{ accountId: string }>;
    await work.run((uow) =>
      app.get(WebhooksConsumer).onOfferedEvent(event, { ...uow, topic: 't', partition: 0, offset: '0', attempt: 1 } as EventHandlerContext),
    );
    return event;
  }

  async function advance(ms: number): Promise<void> {
    clockTime = new Date(clockTime.getTime() + ms);
    await work.run((uow) => app.get(AccountClocks).advance(uow, clockId, clockTime));
  }

  const attemptsOf = async (endpointId: string) =>
    (
      await db.query<{ number: number; status_code: number | null; due_at: Date; trigger: string; message_id: string }>(
        `SELECT a.number, a.status_code, a.due_at, a.trigger, d.message_id
           FROM notifications.webhook_attempts a JOIN notifications.webhook_deliveries d ON d.id = a.delivery_id
          WHERE d.endpoint_id = $1 ORDER BY a.number`,
        [endpointId],
      )
    ).rows;

  it('delivers a signed CloudEvent that an independent check verifies, and never shows the secret again', async () => {
    const receiver = await new Receiver().start();
    try {
      const owner = await account();
      const endpoint = await register(owner, receiver.url);
      expect(endpoint.secret).toMatch(/^whsec_/);
      const listed = await call<Record<string, unknown>[]>('GET', `/accounts/${owner.accountId}/webhook-endpoints`, owner.token);
      expect(listed.body).toHaveLength(1);
      expect(JSON.stringify(listed.body)).not.toContain(endpoint.secret);
      expect(JSON.stringify(listed.body)).not.toContain('sealed');

      const event = await publish(owner.accountId);
      const [request] = await waitFor(() => receiver.requests.length === 1 && receiver.requests, { what: 'the delivery' });
      expect(JSON.parse(request!.body)).toEqual(event);
      expect(request!.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(Math.abs(Number(request!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(verify(endpoint.secret, request!.headers, request!.body)).toBe(true);
      expect(verify(endpoint.secret, request!.headers, request!.body.replace('OBFR', 'OBRO'))).toBe(false);

      // The same event again (a redelivery from Kafka) is not delivered twice.
      await work.run((uow) =>
        app.get(WebhooksConsumer).onOfferedEvent(event, { ...uow, topic: 't', partition: 0, offset: '1', attempt: 2 } as EventHandlerContext),
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(receiver.requests).toHaveLength(1);
    } finally {
      await receiver.stop();
    }
  });

  it('retries 500, 500, 500 on the schedule of the account clock, logs four attempts, and a replay keeps the webhook-id', async () => {
    const receiver = await new Receiver().start();
    try {
      const owner = await account();
      const endpoint = await register(owner, receiver.url);
      receiver.answerNext(500, 500, 500);
      const firstDue = clockTime;
      await publish(owner.accountId);
      await waitFor(() => receiver.requests.length === 1, { what: 'attempt 1' });
      await advance(RETRY_DELAYS_MS[0]! - 1000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(receiver.requests).toHaveLength(1); // not due yet on the clock
      await advance(1000);
      await waitFor(() => receiver.requests.length === 2, { what: 'attempt 2, 5 s later on the clock' });
      await advance(RETRY_DELAYS_MS[1]!);
      await waitFor(() => receiver.requests.length === 3, { what: 'attempt 3, 5 min later' });
      await advance(RETRY_DELAYS_MS[2]!);
      await waitFor(() => receiver.requests.length === 4, { what: 'attempt 4, 30 min later' });

      const attempts = await waitFor(async () => {
        const rows = await attemptsOf(endpoint.id);
        return rows.length === 4 && rows;
      });
      expect(attempts.map((a) => a.status_code)).toEqual([500, 500, 500, 200]);
      const offsets = attempts.map((a) => new Date(a.due_at).getTime() - firstDue.getTime());
      expect(offsets).toEqual([0, 5_000, 5_000 + 300_000, 5_000 + 300_000 + 1_800_000]);
      const ids = new Set(receiver.requests.map((r) => r.headers['webhook-id']));
      expect(ids.size).toBe(1);

      const log = await call<{ id: string; status: string; attempts: { statusCode: number; responseBody: string }[] }[]>(
        'GET',
        `/accounts/${owner.accountId}/webhook-endpoints/${endpoint.id}/deliveries`,
        owner.token,
      );
      expect(log.body[0]).toMatchObject({ status: 'delivered' });
      expect(log.body[0]!.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 200]);
      expect(log.body[0]!.attempts[0]!.responseBody).toBe('failing on purpose (500)');

      const replay = await call<{ deliveries: { messageId: string }[] }>(
        'POST',
        `/accounts/${owner.accountId}/webhook-endpoints/${endpoint.id}/deliveries/${log.body[0]!.id}/replay`,
        owner.token,
      );
      expect(replay.status).toBe(202);
      await waitFor(() => receiver.requests.length === 5, { what: 'the replay' });
      expect(receiver.requests[4]!.headers['webhook-id']).toBe(receiver.requests[0]!.headers['webhook-id']);
      expect(replay.body.deliveries[0]!.messageId).toBe(receiver.requests[0]!.headers['webhook-id']);
      expect(verify(endpoint.secret, receiver.requests[4]!.headers, receiver.requests[4]!.body)).toBe(true);
    } finally {
      await receiver.stop();
    }
  });

  it("never delivers one account's events to another account's endpoint, and hides endpoints across accounts", async () => {
    const [mine, theirs] = [await new Receiver().start(), await new Receiver().start()];
    try {
      const a = await account();
      const b = await account();
      const endpointA = await register(a, mine.url);
      await register(b, theirs.url);
      await publish(a.accountId);
      await waitFor(() => mine.requests.length === 1, { what: "A's delivery" });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(theirs.requests).toHaveLength(0);
      expect((await call('GET', `/accounts/${a.accountId}/webhook-endpoints/${endpointA.id}`, b.token)).status).toBe(404);
      expect((await call('GET', `/accounts/${b.accountId}/webhook-endpoints/${endpointA.id}`, b.token)).status).toBe(404);
    } finally {
      await mine.stop();
      await theirs.stop();
    }
  });

  it('refuses metadata, private and resolving-to-loopback URLs, unknown event types and a plain user, writing nothing', async () => {
    const owner = await account();
    const before = await db.query(`SELECT count(*)::int AS n FROM notifications.webhook_endpoints`);
    for (const [badUrl, reason] of [
      ['https://169.254.169.254/latest/meta-data', /169\.254\.169\.254/],
      ['https://10.0.0.1/hooks', /10\.0\.0\.1/],
      ['https://localhost/hooks', /resolve to a private, loopback.*127\.0\.0\.1/],
      ['http://localhost:8080/hooks', /https/],
      ['ftp://example.com/hooks', /https/],
    ] as const) {
      const refused = await call<{ code: string; fields: { field: string; reason: string }[] }>(
        'POST',
        `/accounts/${owner.accountId}/webhook-endpoints`,
        owner.token,
        { url: badUrl, eventTypes: ['invoice.issued'] },
      );
      expect(refused.status).toBe(400);
      expect(refused.body.fields[0]).toMatchObject({ field: 'url', reason: expect.stringMatching(reason) });
    }
    const unknownType = await call<{ fields: { field: string }[] }>('POST', `/accounts/${owner.accountId}/webhook-endpoints`, owner.token, {
      url: 'http://127.0.0.1:9/hooks',
      eventTypes: ['invoice.issued', 'invoice.paid-in-gold'],
    });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.fields.map((f) => f.field)).toContain('eventTypes');
    const user = await issuer.customer({ userId: randomUUID(), accountId: owner.accountId, email: 'user@example.eu', role: 'user' });
    expect(
      (await call('POST', `/accounts/${owner.accountId}/webhook-endpoints`, user, { url: 'http://127.0.0.1:9/hooks', eventTypes: ['invoice.issued'] }))
        .status,
    ).toBe(403);
    const after = await db.query(`SELECT count(*)::int AS n FROM notifications.webhook_endpoints`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('signs with both secrets for a day after a rotation, then the endpoint fails after ten attempts and says so once', async () => {
    const receiver = await new Receiver().start();
    try {
      const owner = await account();
      const endpoint = await register(owner, receiver.url);
      const rotated = await call<{ secret: string; previousSecretValidUntil: string }>(
        'POST',
        `/accounts/${owner.accountId}/webhook-endpoints/${endpoint.id}/rotate-secret`,
        owner.token,
      );
      expect(rotated.status).toBe(200);
      receiver.answerNext(...Array.from({ length: 10 }, () => 503));
      await publish(owner.accountId);
      await waitFor(() => receiver.requests.length === 1, { what: 'attempt 1' });
      const first = receiver.requests[0]!;
      expect(String(first.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(verify(rotated.body.secret, first.headers, first.body)).toBe(true);
      expect(verify(endpoint.secret, first.headers, first.body)).toBe(true);

      for (const [index, delay] of RETRY_DELAYS_MS.entries()) {
        await advance(delay);
        await waitFor(() => receiver.requests.length === index + 2, { what: `attempt ${index + 2}` });
      }
      const state = await waitFor(async () => {
        const { rows } = await db.query(`SELECT status FROM notifications.webhook_endpoints WHERE id = $1`, [endpoint.id]);
        return rows[0].status === 'failing' && rows[0];
      });
      expect(state.status).toBe('failing');
      expect(receiver.requests).toHaveLength(10);
      // The new secret signs every attempt.
      const last = receiver.requests[9]!;
      expect(verify(rotated.body.secret, last.headers, last.body)).toBe(true);
      const { rows: notices } = await db.query(
        `SELECT envelope FROM notifications.outbox WHERE event_type = 'obolus.notifications.webhook-endpoint.failing.v1' AND envelope->'data'->>'endpointId' = $1`,
        [endpoint.id],
      );
      expect(notices).toHaveLength(1);
      expect(notices[0].envelope.data).toMatchObject({ attempts: 10, lastStatusCode: 503, url: receiver.url, platformWide: false });
    } finally {
      await receiver.stop();
    }
  });

  it('lets staff register a platform-wide endpoint that hears every account, send it a test event, and replay since a date', async () => {
    const receiver = await new Receiver().start();
    try {
      const staff = await issuer.staff({ staffId: randomUUID(), email: 'ops@obolus.example', roles: ['support'] });
      const created = await call<{ id: string; secret: string; accountId: string | null }>('POST', '/staff/webhook-endpoints', staff, {
        url: receiver.url,
        eventTypes: ['invoice.issued'],
      });
      expect(created.status).toBe(201);
      expect(created.body.accountId).toBeNull();
      const customer = await account();
      expect((await call('POST', '/staff/webhook-endpoints', customer.token, { url: receiver.url, eventTypes: ['invoice.issued'] })).status).toBe(403);

      const since = new Date().toISOString();
      const [first, second] = [await account(), await account()];
      await publish(first.accountId);
      await publish(second.accountId);
      await waitFor(() => receiver.requests.length === 2, { what: 'both accounts reach the platform endpoint' });
      expect(new Set(receiver.requests.map((r) => JSON.parse(r.body).data.accountId))).toEqual(new Set([first.accountId, second.accountId]));

      const test = await call<{ messageId: string }>('POST', `/staff/webhook-endpoints/${created.body.id}/test`, staff);
      expect(test.status).toBe(202);
      await waitFor(() => receiver.requests.length === 3, { what: 'the test event' });
      expect(JSON.parse(receiver.requests[2]!.body)).toMatchObject({ type: 'obolus.notifications.webhook.test.v1', data: { endpointId: created.body.id } });
      expect(receiver.requests[2]!.headers['webhook-id']).toBe(test.body.messageId);
      expect(verify(created.body.secret, receiver.requests[2]!.headers, receiver.requests[2]!.body)).toBe(true);

      const replayed = await call<{ deliveries: unknown[] }>('POST', `/staff/webhook-endpoints/${created.body.id}/replay`, staff, { since });
      expect(replayed.status).toBe(202);
      expect(replayed.body.deliveries).toHaveLength(3);
      await waitFor(() => receiver.requests.length === 6, { what: 'three replays' });
      expect(new Set(receiver.requests.slice(3).map((r) => r.headers['webhook-id']))).toEqual(
        new Set(receiver.requests.slice(0, 3).map((r) => r.headers['webhook-id'])),
      );
      const badSince = await call<{ fields: { field: string }[] }>('POST', `/staff/webhook-endpoints/${created.body.id}/replay`, staff, {
        since: 'yesterday',
      });
      expect(badSince.status).toBe(400);
      expect(badSince.body.fields[0]!.field).toBe('since');
      await call('DELETE', `/staff/webhook-endpoints/${created.body.id}`, staff);
    } finally {
      await receiver.stop();
    }
  });
});
