import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the ANAF sandbox stands in for ANAF, as in e2e
import { AnafSandbox, startAnafSandbox } from '@obolus/anaf-sandbox';
import { TestTokenIssuer } from '@obolus/auth';
import { serviceConnectionUrl } from '@obolus/database';
import { EventHandlerContext, ScheduledJobRunner, ScheduledJobsRepository, UnitOfWorkRunner } from '@obolus/messaging';
import { createLogger } from '@obolus/observability';
import { ApiExceptionFilter, Clock, createValidationPipe, jsonBody, loadConfig, loadServiceConfig } from '@obolus/platform';
import { serveJwks } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { Client } from 'pg';
import { efacturaGatewayConfigSpec } from '../src/efactura-gateway.config';
import { EfacturaGatewayModule } from '../src/efactura-gateway.module';
import { DeadlinesJobs } from '../src/deadlines/deadlines-jobs';
import { IncomingJobs } from '../src/incoming/incoming-jobs';
import { SubmissionsJobs } from '../src/submissions/submissions-jobs';

export const SANDBOX_CLIENT = { clientId: 'obolus-int-gateway', clientSecret: 'int-gateway-secret' };
export const SELLER_CIF = '14040242';
export const TOKENS_KEY = Buffer.from('int-test-efactura-tokens-key-32b').toString('base64');

export interface Owner {
  accountId: string;
  token: string;
}

/**
 * The efactura-gateway in this process (HTTP and its jobs, no Kafka consumer) against an ANAF sandbox on
 * loopback and the real Postgres: the boot of the gateway's integration specs.
 */
export interface GatewayWithAnafSandbox {
  anaf: AnafSandbox;
  app: INestApplication;
  url: string;
  /** The gateway's OAuth callback, as registered with the sandbox. */
  redirectUri: string;
  /** The admin connection, for checking what the service wrote. */
  db: Client;
  issuer: TestTokenIssuer;
  work: UnitOfWorkRunner;
  /** The service's jobs on a runner of the spec's own, retrying after 50 ms instead of 1 s. */
  runner: ScheduledJobRunner;
  call<T>(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }>;
  owner(): Promise<Owner>;
  /**
   * An event handed to a consumer as the Kafka transport hands it: in a unit of work of the service, with a
   * delivery context, e.g. `handOff((context) => app.get(DocumentsConsumer).onInvoiceIssued(event, context))`.
   */
  handOff(handle: (context: EventHandlerContext) => Promise<unknown>): Promise<void>;
  /** The owner asks to connect SELLER_CIF and approves at ANAF: the callback ANAF redirects to, not yet followed. */
  authorize(who: Owner): Promise<URL>;
  /** The owner connects SELLER_CIF: Obolus's start route, ANAF's approve page (the certificate step), the callback. */
  connect(who: Owner): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startGatewayWithAnafSandbox(
  options: {
    sandbox?: Parameters<typeof startAnafSandbox>[0];
    env?: Record<string, string>;
    /** Whether the runner also runs the listings of received invoices (default true); without, no listing calls ANAF. */
    incomingJobs?: boolean;
  } = {},
): Promise<GatewayWithAnafSandbox> {
  const anaf = await startAnafSandbox({ port: 0, processingDelayMs: 60 * 60_000, ...options.sandbox });
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/efactura/oauth/callback`;
  anaf.registerClient({ ...SANDBOX_CLIENT, redirectUris: [redirectUri] });
  const issuer = await TestTokenIssuer.create();
  const jwks = await serveJwks(issuer.jwks);
  const env = {
    ...process.env,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DATABASE_URL: serviceConnectionUrl(process.env.DATABASE_ADMIN_URL!, 'efactura-gateway'),
    IDENTITY_JWKS_URL: jwks.url,
    ANAF_OAUTH_URL: `${anaf.url}/anaf-oauth2/v1`,
    ANAF_API_URL: `${anaf.url}/test/FCTEL/rest`,
    ANAF_CLIENT_ID: SANDBOX_CLIENT.clientId,
    ANAF_CLIENT_SECRET: SANDBOX_CLIENT.clientSecret,
    ANAF_REDIRECT_URI: redirectUri,
    ANAF_TIMEOUT_MS: '5000',
    EFACTURA_TOKENS_KEY: TOKENS_KEY,
    EFACTURA_STATUS_POLL_MS: '0',
    ANAF_SIGNING_CERTIFICATES: anaf.signingCertificatePem,
    EFACTURA_INCOMING_POLL_MS: '1000',
    EFACTURA_INCOMING_LAG_MS: '0',
    ...options.env,
  };
  const config = { ...loadServiceConfig(env), ...loadConfig(efacturaGatewayConfigSpec, env) };
  // HTTP and the service's jobs, but no Kafka consumer: events are handed to the consumer as the transport does.
  const app = await NestFactory.create<NestExpressApplication>(
    EfacturaGatewayModule.forRoot(config, createLogger('efactura-gateway')),
    { logger: ['error'], bodyParser: false },
  );
  app.use(jsonBody('1mb'));
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
  await app.listen(port, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const work = app.get(UnitOfWorkRunner);
  // Every kind of the service's jobs: an account's jobs run in due order, so one without a handler would hold the others.
  // The listings run in a lane of their own, so a spec may leave them out without holding anything back.
  const withSubmissions = app.get(SubmissionsJobs).registerOn(
    new ScheduledJobRunner({
      unitOfWork: work,
      repository: app.get(ScheduledJobsRepository),
      clock: app.get(Clock),
      retry: { initialDelayMs: 50, maxDelayMs: 200 },
    }),
  );
  const runner = app
    .get(DeadlinesJobs)
    .registerOn(options.incomingJobs === false ? withSubmissions : app.get(IncomingJobs).registerOn(withSubmissions));
  const db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
  await db.connect();

  async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed as T };
  }

  async function owner(): Promise<Owner> {
    const accountId = randomUUID();
    const token = await issuer.customer({
      userId: randomUUID(),
      accountId,
      email: `owner-${accountId.slice(0, 8)}@example.ro`,
      role: 'owner',
    });
    return { accountId, token };
  }

  async function handOff(handle: (context: EventHandlerContext) => Promise<unknown>): Promise<void> {
    await work.run(async (uow) => {
      await handle({ ...uow, topic: 't', partition: 0, offset: '0', attempt: 1 } as EventHandlerContext);
    });
  }

  async function authorize(who: Owner): Promise<URL> {
    const started = await call<{ authorizeUrl: string }>(
      'POST',
      `/accounts/${who.accountId}/efactura/authorizations`,
      who.token,
      {
        cif: `RO${SELLER_CIF}`,
      },
    );
    if (started.status !== 201) throw new Error(`the authorisation did not start: ${started.status}`);
    const page = await (await fetch(started.body.authorizeUrl)).text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(page)![1]!;
    const decision = await fetch(`${anaf.url}/anaf-oauth2/v1/authorize/decision`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request_id: requestId, decision: 'approve', cifs: SELLER_CIF }).toString(),
    });
    if (decision.status !== 302) throw new Error(`ANAF's approval answered ${decision.status}`);
    return new URL(decision.headers.get('location')!);
  }

  async function connect(who: Owner): Promise<void> {
    const callback = await authorize(who);
    const done = await call('GET', `${callback.pathname}${callback.search}`);
    if (done.status !== 200) throw new Error(`the OAuth callback answered ${done.status}`);
  }

  async function close(): Promise<void> {
    await db.end();
    await app.close();
    await jwks.close();
    await anaf.close();
  }

  return { anaf, app, url, redirectUri, db, issuer, work, runner, call, owner, handOff, authorize, connect, close };
}
