import { MailSandbox, startMailSandbox } from '@obolus/mail-sandbox';
import { serviceEnvironment, ServiceProcess, startServiceProcess } from '@obolus/stack';
import { OtlpReceiver, waitFor } from '@obolus/testing';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * The first real flow, with every part real: identity and notifications run as their own processes,
 * against the real broker and database, and export their spans over OTLP to a receiver on loopback.
 */
describe('sign-up reaches notifications through the outbox and Kafka, in one trace', () => {
  const adminUrl = process.env.DATABASE_ADMIN_URL!;
  const receiver = new OtlpReceiver();
  let identity: ServiceProcess;
  let notifications: ServiceProcess;
  let db: Client;
  let mail: MailSandbox;

  beforeAll(async () => {
    const otlpEndpoint = await receiver.start();
    mail = await startMailSandbox();
    const stack = {
      databaseAdminUrl: adminUrl,
      kafkaBrokers: process.env.KAFKA_BROKERS!.split(','),
      otlpEndpoint,
      ports: { identity: 5101 },
      extra: { SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}` },
    };
    [identity, notifications] = await Promise.all([
      startServiceProcess({ service: 'identity', env: serviceEnvironment('identity', stack, 5101) }),
      startServiceProcess({ service: 'notifications', env: serviceEnvironment('notifications', stack, 5106) }),
    ]);
    db = new Client({ connectionString: adminUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    const codes = await Promise.all([identity?.stop(), notifications?.stop()]);
    await receiver.stop();
    await mail.close();
    // A graceful stop exits 0: consumers left the group, the relay and pools closed.
    expect(codes).toEqual([0, 0]);
  });

  it('e-mails a welcome to a new account and records the delivery; one trace covers request, publish and handler', async () => {
    const email = `owner+${Date.now()}@atelier-dupont.fr`;
    const response = await fetch(`${identity.url}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        companyName: 'Atelier Dupont',
        email,
        password: 'Correct-Horse-Battery-9',
        country: 'FR',
        catalog: 'fr-crm',
        signupChannel: 'partner',
      }),
    });
    expect(response.status).toBe(201);
    const { accountId } = (await response.json()) as { accountId: string };

    const delivery = await waitFor(
      async () => {
        const { rows } = await db.query('SELECT * FROM notifications.deliveries WHERE account_id = $1', [accountId]);
        // Recorded as pending in the event's transaction, then sent after the commit.
        return rows[0]?.status === 'pending' ? undefined : rows[0];
      },
      { what: 'the welcome delivery, sent' },
    );
    expect(delivery).toMatchObject({ template: 'welcome', recipients: [email], locale: 'fr', status: 'sent' });
    const welcome = await mail.waitFor((m) => m.envelope.to.includes(email), 10_000);
    expect(welcome.subject).toBe('Bienvenue, Atelier Dupont');

    const outbox = await db.query('SELECT event_id, published_at FROM identity.outbox WHERE message_key = $1', [accountId]);
    expect(outbox.rows).toHaveLength(1);
    expect(outbox.rows[0].published_at).not.toBeNull();
    expect(delivery.cause_event_id).toBe(outbox.rows[0].event_id);

    const trace = await waitFor(
      () => {
        const request = receiver.spans.find(
          (s) => s.service === 'identity' && s.kind === 2 && String(s.attributes['http.route'] ?? s.name).includes('accounts'),
        );
        if (!request) return undefined;
        const spans = receiver.inTrace(request.traceId);
        const publish = spans.find((s) => s.service === 'identity' && s.name === 'publish identity.account.v1');
        const handler = spans.find(
          (s) => s.service === 'notifications' && s.name === 'handle obolus.identity.account.created.v1',
        );
        return publish && handler ? { request, publish, handler, spans } : undefined;
      },
      { what: 'request, publish and handler spans in one trace', timeoutMs: 30_000 },
    );
    // The handler descends from the relay's publish, which descends from the HTTP request.
    const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
    const ancestors = (spanId: string): string[] => {
      const chain: string[] = [];
      for (let s = byId.get(spanId); s?.parentSpanId; s = byId.get(s.parentSpanId)) chain.push(s.parentSpanId);
      return chain;
    };
    expect(ancestors(trace.handler.spanId)).toContain(trace.publish.spanId);
    expect(ancestors(trace.publish.spanId)).toContain(trace.request.spanId);
    expect(new Set(trace.spans.map((s) => s.service))).toEqual(new Set(['identity', 'notifications']));
    // The notifications side also queried Postgres inside the same trace (pg instrumentation).
    expect(
      trace.spans.some(
        (s) =>
          (s.service === 'notifications' && s.attributes['db.system'] === 'postgresql') ||
          s.attributes['db.system.name'] === 'postgresql',
      ),
    ).toBe(true);
  });

  it('answers bad input with the error shape and writes nothing', async () => {
    const before = await db.query('SELECT count(*)::int AS n FROM identity.accounts');
    const malformed = await fetch(`${identity.url}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"companyName":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      code: 'MALFORMED_JSON',
      message: 'the request body is not valid JSON',
      fields: [{ field: 'body', reason: 'is not valid JSON' }],
    });

    const invalid = await fetch(`${identity.url}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        companyName: 'X',
        email: 'not-an-email',
        password: 'Correct-Horse-Battery-9',
        country: 'France',
        catalog: 'fr-crm',
        signupChannel: 'web',
        admin: true,
      }),
    });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { code: string; fields: { field: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f) => f.field).sort()).toEqual(['admin', 'country', 'email']);

    const huge = await fetch(`${identity.url}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ companyName: 'x'.repeat(1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');

    const after = await db.query('SELECT count(*)::int AS n FROM identity.accounts');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses to start with an invalid variable, naming it in one line', async () => {
    const result = spawnSync(process.execPath, [join(__dirname, '../../services/identity/dist/main.js')], {
      env: { ...process.env, PORT: '4001', DATABASE_URL: 'mysql://nope', KAFKA_BROKERS: '127.0.0.1:9092' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      "identity: configuration error: DATABASE_URL is invalid: must use postgres or postgresql (the service's own Postgres connection (its role, its schema))",
    ]);
  });
});
