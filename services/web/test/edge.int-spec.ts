import { INestApplication } from '@nestjs/common';
import { createLogger } from '@obolus/observability';
import { loadConfig } from '@obolus/platform';
import {
  LOCAL_STAFF_EMAIL,
  LOCAL_STAFF_PASSWORD,
  serviceEnvironment,
  ServiceProcess,
  startServiceProcess,
  StackEnvironment,
} from '@obolus/stack';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEdge } from '../src/edge';
import { webConfigSpec } from '../src/web.config';

/** What the stand-in service received: one entry per request that reached it. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodySha256: string;
  bodyLength: number;
}

const download = randomBytes(2 * 1024 * 1024);
let slowClosedNow: () => void = () => undefined;
const slowClosed = new Promise<void>((resolve) => (slowClosedNow = resolve));
const PASSWORD = 'Velvet-harbour-1987';

/** A real HTTP server standing in for invoicing: a binary download, an echo, a cookie it tries to set. */
function startStandIn(seen: Seen[]): Promise<Server> {
  const server = createServer((request, response) => {
    const hash = createHash('sha256');
    let length = 0;
    request.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      length += chunk.length;
    });
    request.on('end', () => {
      const entry = {
        method: request.method!,
        url: request.url!,
        headers: request.headers,
        bodySha256: hash.digest('hex'),
        bodyLength: length,
      };
      seen.push(entry);
      if (request.url!.startsWith('/accounts/a1/slow')) {
        // A download that never ends: only the browser going away ends it.
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        response.write(Buffer.alloc(1024));
        response.on('close', () => slowClosedNow());
        return;
      }
      if (request.url!.startsWith('/accounts/a1/exports/e1.zip')) {
        response.writeHead(200, {
          'content-type': 'application/zip',
          'content-disposition': 'attachment; filename="export.zip"',
          'content-length': String(download.length),
          'set-cookie': 'upstream=1; Path=/',
        });
        // Written in pieces, as a service streaming a file would.
        let at = 0;
        const next = () => {
          if (at >= download.length) return response.end();
          response.write(download.subarray(at, at + 65_536), next);
          at += 65_536;
        };
        return next();
      }
      response.writeHead(201, { 'content-type': 'application/json', 'set-cookie': 'upstream=1; Path=/' });
      response.end(JSON.stringify({ received: entry.bodyLength, sha256: entry.bodySha256 }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}

/** The Set-Cookie headers of an answer, by cookie name. */
function setCookies(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf('=')), line]));
}

const valueOf = (setCookie: string) => decodeURIComponent(setCookie.slice(setCookie.indexOf('=') + 1).split(';')[0]);

describe('web edge (identity as its own process, a stand-in service over HTTP)', () => {
  const seen: Seen[] = [];
  let identity: ServiceProcess;
  let standIn: Server;
  let edge: INestApplication;
  let base: string;
  let publicDir: string;
  const email = `owner+${randomUUID().slice(0, 8)}@atelier-edge.fr`;
  let accountId: string;

  beforeAll(async () => {
    const identityPort = await freePort();
    const stack: StackEnvironment = {
      databaseAdminUrl: process.env.DATABASE_ADMIN_URL!,
      kafkaBrokers: process.env.KAFKA_BROKERS!.split(','),
      ports: { identity: identityPort },
      extra: { LOG_LEVEL: 'warn', IDENTITY_SIGNIN_MAX_FAILURES_PER_IP: '1000' },
    };
    identity = await startServiceProcess({
      service: 'identity',
      env: serviceEnvironment('identity', stack),
      healthTimeoutMs: 90_000,
    });
    standIn = await startStandIn(seen);
    publicDir = mkdtempSync(join(tmpdir(), 'obolus-web-'));
    mkdirSync(join(publicDir, 'assets'));
    writeFileSync(join(publicDir, 'index.html'), '<!doctype html><title>Obolus</title><div id="root"></div>');
    writeFileSync(join(publicDir, 'assets', 'app-3f2a.js'), 'console.log("portal")');
    const config = loadConfig(webConfigSpec, {
      PORT: '0',
      IDENTITY_PUBLIC_URL: identity.url,
      INVOICING_URL: `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`,
      // Nothing listens there: the service is down.
      PAYMENTS_URL: `http://127.0.0.1:${await freePort()}`,
      WEB_PUBLIC_DIR: publicDir,
      WEB_STRIPE_API_URL: 'http://127.0.0.1:4601',
      WEB_STRIPE_PUBLISHABLE_KEY: 'pk_test_obolus_int',
    });
    process.env.LOG_LEVEL ??= 'warn';
    edge = await createEdge(config, createLogger('web'));
    await edge.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(edge.getHttpServer().address() as AddressInfo).port}`;
    const signUp = await fetch(`${identity.url}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        companyName: 'Atelier Edge',
        email,
        password: PASSWORD,
        country: 'FR',
        catalog: 'fr-crm',
        signupChannel: 'web',
      }),
    });
    expect(signUp.status).toBe(201);
    accountId = ((await signUp.json()) as { accountId: string }).accountId;
  });

  afterAll(async () => {
    await edge?.close();
    await new Promise((resolve) => standIn?.close(resolve));
    await identity?.stop();
    if (publicDir) rmSync(publicDir, { recursive: true, force: true });
  });

  /** A browser: its cookie jar, its origin, the CSRF header read from the readable cookie. */
  class Browser {
    readonly jar = new Map<string, string>();
    constructor(readonly origin = base) {}

    async send(
      method: string,
      path: string,
      init: { body?: unknown; raw?: Buffer; headers?: Record<string, string>; csrf?: boolean } = {},
    ) {
      const headers: Record<string, string> = { origin: this.origin, ...init.headers };
      if (this.jar.size) headers.cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
      if (init.csrf !== false && method !== 'GET' && this.jar.has('obolus_csrf'))
        headers['x-csrf-token'] = this.jar.get('obolus_csrf')!;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${base}${path}`, {
        method,
        headers,
        body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      });
      for (const [name, line] of Object.entries(setCookies(response))) {
        if (/Max-Age=0/.test(line)) this.jar.delete(name);
        else this.jar.set(name, valueOf(line));
      }
      return response;
    }
  }

  it('signs a customer in with three cookies, the tokens never in the body, and reads the session back', async () => {
    const browser = new Browser();
    const response = await browser.send('POST', '/api/session', { body: { email, password: PASSWORD } });
    expect(response.status).toBe(200);
    const text = await response.text();
    const cookies = setCookies(response);
    expect(cookies.obolus_session).toMatch(/^obolus_session=[\w.-]+; Path=\/api; Max-Age=\d+; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookies.obolus_refresh).toMatch(
      /^obolus_refresh=[\w-]+; Path=\/api\/session; Max-Age=\d+; HttpOnly; Secure; SameSite=Strict$/,
    );
    expect(cookies.obolus_csrf).toMatch(/^obolus_csrf=[\w-]{43}; Path=\/; Max-Age=\d+; Secure; SameSite=Lax$/);
    expect(text).not.toContain(browser.jar.get('obolus_session'));
    expect(text).not.toContain(browser.jar.get('obolus_refresh'));
    const session = JSON.parse(text) as Record<string, unknown>;
    expect(session).toMatchObject({ kind: 'customer', accountId, email, role: 'owner' });
    expect(session).not.toHaveProperty('accessToken');
    const read = await browser.send('GET', '/api/session');
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(session);
  });

  it("passes identity's refusal of a wrong password through, with no cookie set", async () => {
    const response = await new Browser().send('POST', '/api/session', { body: { email, password: 'not-the-password-1' } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe('INVALID_CREDENTIALS');
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a sign-in posted from another site', async () => {
    const response = await new Browser('https://evil.example').send('POST', '/api/session', {
      body: { email, password: PASSWORD },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'CSRF_REJECTED', fields: [{ field: 'x-csrf-token' }] });
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('answers 401 SESSION_REQUIRED without a session', async () => {
    const response = await new Browser().send('GET', '/api/session');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'SESSION_REQUIRED' });
  });

  it('forwards a write only with the CSRF header, then with the bearer token and without cookies', async () => {
    const browser = new Browser();
    await browser.send('POST', '/api/session', { body: { email, password: PASSWORD } });
    const before = seen.length;
    const refused = await browser.send('POST', '/api/invoicing/accounts/a1/credit-notes', { body: { reason: 'x' }, csrf: false });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      code: 'CSRF_REJECTED',
      message: expect.any(String),
      fields: [{ field: 'x-csrf-token', reason: expect.any(String) }],
    });
    const wrong = await browser.send('POST', '/api/invoicing/accounts/a1/credit-notes', {
      body: { reason: 'x' },
      csrf: false,
      headers: { 'x-csrf-token': 'A'.repeat(43) },
    });
    expect(wrong.status).toBe(403);
    expect(seen.length).toBe(before);

    const key = randomUUID();
    const traceparent = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
    const forwarded = await browser.send('POST', '/api/invoicing/accounts/a1/credit-notes?draft=true', {
      body: { reason: 'x' },
      headers: { 'idempotency-key': key, traceparent, 'x-request-id': 'req-1' },
    });
    expect(forwarded.status).toBe(201);
    expect(forwarded.headers.getSetCookie()).toEqual([]);
    const received = seen.at(-1)!;
    expect(received.method).toBe('POST');
    expect(received.url).toBe('/accounts/a1/credit-notes?draft=true');
    expect(received.headers.authorization).toBe(`Bearer ${browser.jar.get('obolus_session')}`);
    expect(received.headers.cookie).toBeUndefined();
    expect(received.headers['x-csrf-token']).toBeUndefined();
    expect(received.headers['idempotency-key']).toBe(key);
    expect(String(received.headers.traceparent).split('-')[1]).toBe(traceparent.split('-')[1]);
    expect(received.headers['x-request-id']).toBe('req-1');
    expect(received.headers['x-forwarded-for']).toMatch(/127\.0\.0\.1/);
    expect(received.headers['x-forwarded-proto']).toBe('http');
    expect(received.headers['content-type']).toBe('application/json');
  });

  it("adds the session to a read of identity's own routes (the real service checks the token)", async () => {
    const browser = new Browser();
    await browser.send('POST', '/api/session', { body: { email, password: PASSWORD } });
    const users = await browser.send('GET', `/api/identity/accounts/${accountId}/users`);
    expect(users.status).toBe(200);
    expect(JSON.stringify(await users.json())).toContain(email);
    const anonymous = await new Browser().send('GET', `/api/identity/accounts/${accountId}/users`);
    expect(anonymous.status).toBe(401);
  });

  it('streams a 2 MB download byte for byte, keeping its type, name and length', async () => {
    const browser = new Browser();
    await browser.send('POST', '/api/session', { body: { email, password: PASSWORD } });
    const response = await browser.send('GET', '/api/invoicing/accounts/a1/exports/e1.zip');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="export.zip"');
    expect(response.headers.get('content-length')).toBe(String(download.length));
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(Buffer.from(await response.arrayBuffer()).equals(download)).toBe(true);
  });

  it('ends the upstream request when the browser goes away mid-download', async () => {
    const abort = new AbortController();
    const response = await fetch(`${base}/api/invoicing/accounts/a1/slow`, { signal: abort.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    expect((await reader.read()).value?.length).toBeGreaterThan(0);
    abort.abort();
    await expect(
      Promise.race([slowClosed.then(() => 'closed'), new Promise((resolve) => setTimeout(resolve, 5000, 'still open'))]),
    ).resolves.toBe('closed');
  });

  it('streams a raw upload through unchanged', async () => {
    const browser = new Browser();
    await browser.send('POST', '/api/session', { body: { email, password: PASSWORD } });
    const statement = Buffer.concat([
      Buffer.from('<?xml version="1.0"?><Document>'),
      randomBytes(3 * 1024 * 1024),
      Buffer.from('</Document>'),
    ]);
    const response = await browser.send('POST', '/api/invoicing/staff/bank-statements', {
      raw: statement,
      headers: { 'content-type': 'application/xml' },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      received: statement.length,
      sha256: createHash('sha256').update(statement).digest('hex'),
    });
    expect(seen.at(-1)!.headers['content-type']).toBe('application/xml');
  });

  it('refuses an upload declared larger than 50 MB with 413, before anything reaches the service', async () => {
    const before = seen.length;
    const status = await new Promise<number>((resolve, reject) => {
      const call = httpRequest(`${base}/api/invoicing/staff/bank-statements`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml', 'content-length': String(50 * 1024 * 1024 + 1) },
      });
      call.on('response', (response) => {
        response.resume();
        resolve(response.statusCode!);
      });
      call.on('error', reject);
      call.write('<?xml version="1.0"?>');
    });
    expect(status).toBe(413);
    expect(seen.length).toBe(before);
  });

  it('refuses internal and webhook routes, and unknown services, with nothing forwarded', async () => {
    const before = seen.length;
    for (const path of [
      '/api/identity/internal/accounts/x/export',
      '/api/invoicing/internal/x',
      '/api/invoicing/webhooks/x',
      '/api/billing/x',
    ]) {
      const response = await new Browser().send('GET', path);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(seen.length).toBe(before);
  });

  it('answers 502 UPSTREAM_UNAVAILABLE when the service does not answer', async () => {
    const response = await new Browser().send('GET', '/api/payments/accounts/a1/payments');
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ code: 'UPSTREAM_UNAVAILABLE', message: 'payments did not answer', fields: [] });
  });

  it('serves the portal: index.html for page addresses, immutable assets, security headers everywhere', async () => {
    const page = await fetch(`${base}/accounts/x/invoices`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('<div id="root">');
    const root = await fetch(`${base}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<div id="root">');
    const missing = await fetch(`${base}/assets/missing-9z.js`);
    expect(missing.status).toBe(404);
    const asset = await fetch(`${base}/assets/app-3f2a.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const health = await fetch(`${base}/health`, { headers: { accept: 'text/html' } });
    expect(await health.json()).toEqual({ service: 'web', status: 'ok', checks: {} });
    const config = await fetch(`${base}/api/config`);
    expect(await config.json()).toEqual({ stripe: { apiUrl: 'http://127.0.0.1:4601', publishableKey: 'pk_test_obolus_int' } });
    for (const response of [page, asset, health, config, await fetch(`${base}/api/billing/x`)]) {
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
          "connect-src 'self' http://127.0.0.1:4601; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=()');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=/);
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('renews the session with the refresh cookie (once), and signs out at identity', async () => {
    const browser = new Browser();
    await browser.send('POST', '/api/session', { body: { email, password: PASSWORD } });
    const firstAccess = browser.jar.get('obolus_session');
    const firstRefresh = browser.jar.get('obolus_refresh')!;
    const refreshed = await browser.send('POST', '/api/session/refresh');
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toMatchObject({ kind: 'customer', accountId });
    expect(browser.jar.get('obolus_refresh')).not.toBe(firstRefresh);
    expect(browser.jar.get('obolus_session')).not.toBe(firstAccess);

    // Without the access cookie (expired), reading the session renews it.
    browser.jar.delete('obolus_session');
    const read = await browser.send('GET', '/api/session');
    expect(read.status).toBe(200);
    expect(browser.jar.has('obolus_session')).toBe(true);

    const spentRefresh = browser.jar.get('obolus_refresh')!;
    const out = await browser.send('DELETE', '/api/session');
    expect(out.status).toBe(204);
    expect(browser.jar.size).toBe(0);
    const replay = new Browser();
    replay.jar.set('obolus_refresh', spentRefresh);
    replay.jar.set('obolus_csrf', 'c'.repeat(43));
    const again = await replay.send('POST', '/api/session/refresh');
    expect(again.status).toBe(401);
  });

  it('signs a staff member in to the console', async () => {
    const browser = new Browser();
    const response = await browser.send('POST', '/api/staff/session', {
      body: { email: LOCAL_STAFF_EMAIL, password: LOCAL_STAFF_PASSWORD },
    });
    expect(response.status).toBe(200);
    const session = (await response.json()) as Record<string, unknown>;
    expect(session).toMatchObject({ kind: 'staff', email: LOCAL_STAFF_EMAIL });
    expect(typeof session.userId).toBe('string');
    expect((await browser.send('GET', '/api/session').then((r) => r.json())) as unknown).toEqual(session);
  });
});
