import { INestApplication } from '@nestjs/common';
import { serviceConnectionUrl } from '@obolus/database';
import { bootstrapService } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { checkIdentityConfig, identityConfigSpec } from '../src/identity.config';
import { IdentityModule } from '../src/identity.module';
import { OpenApiDocument } from '../src/openapi/openapi';

export const STAFF = { email: 'ops@obolus.example', password: 'console-Passw0rd-long' };

/** identity in this process, started exactly as main.ts starts it, on a free port. */
export async function startIdentity(env: Record<string, string> = {}): Promise<{ app: INestApplication; url: string }> {
  Object.assign(process.env, {
    PORT: '0',
    DATABASE_URL: serviceConnectionUrl(process.env.DATABASE_ADMIN_URL!, 'identity'),
    IDENTITY_SIGNIN_MAX_FAILURES_PER_EMAIL: '5',
    IDENTITY_SIGNIN_MAX_FAILURES_PER_IP: '8',
    IDENTITY_PURGE_POLL_SECONDS: '3600',
    IDENTITY_STAFF_EMAIL: STAFF.email,
    IDENTITY_STAFF_PASSWORD: STAFF.password,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const app = await bootstrapService({
    service: 'identity',
    config: identityConfigSpec,
    check: checkIdentityConfig,
    module: (config, logger) => IdentityModule.forRoot(config, logger),
    afterStart: (started) => started.get(OpenApiDocument).build(started),
  });
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A client with its own address (X-Forwarded-For from loopback is trusted), so throttles don't mix between tests. */
export function clientOf(url: string, ip = `10.${rnd()}.${rnd()}.${rnd()}`) {
  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    raw?: string,
  ): Promise<Reply<T>> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        'x-forwarded-for': ip,
        ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
  };
  return {
    ip,
    get: <T = Record<string, unknown>>(path: string, token?: string) => call<T>('GET', path, undefined, token),
    post: <T = Record<string, unknown>>(path: string, body?: unknown, token?: string) => call<T>('POST', path, body, token),
    patch: <T = Record<string, unknown>>(path: string, body?: unknown, token?: string) => call<T>('PATCH', path, body, token),
    delete: <T = Record<string, unknown>>(path: string, token?: string) => call<T>('DELETE', path, undefined, token),
    raw: <T = Record<string, unknown>>(path: string, raw: string) => call<T>('POST', path, undefined, undefined, raw),
  };
}
export type TestClient = ReturnType<typeof clientOf>;

const rnd = () => Math.floor(Math.random() * 250) + 1;

export const uniqueEmail = (name = 'owner'): string =>
  `${name}+${randomUUID().slice(0, 8)}@atelier-${randomUUID().slice(0, 4)}.fr`;
export const PASSWORD = 'Velvet-harbour-1987';

export interface SignedUp {
  accountId: string;
  ownerUserId: string;
  email: string;
  accessToken: string;
  refreshToken: string;
}

export async function signUpAndIn(client: TestClient, overrides: Record<string, unknown> = {}): Promise<SignedUp> {
  const email = uniqueEmail();
  const created = await client.post<{ accountId: string; ownerUserId: string }>('/accounts', {
    companyName: 'Atelier Dupont',
    email,
    password: PASSWORD,
    country: 'FR',
    catalog: 'fr-crm',
    signupChannel: 'partner',
    ...overrides,
  });
  if (created.status !== 201) throw new Error(`sign-up failed: ${created.status} ${JSON.stringify(created.body)}`);
  const signedIn = await client.post<{ accessToken: string; refreshToken: string }>('/auth/sign-in', {
    email,
    password: PASSWORD,
  });
  if (signedIn.status !== 200) throw new Error(`sign-in failed: ${signedIn.status} ${JSON.stringify(signedIn.body)}`);
  return { ...created.body, email, accessToken: signedIn.body.accessToken, refreshToken: signedIn.body.refreshToken };
}

export async function adminDb(): Promise<Client> {
  const db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL! });
  await db.connect();
  return db;
}

/** The newest outbox event of a type for an account, as the relay will publish it. */
export async function outboxEvent<T>(db: Client, accountId: string, type: string): Promise<{ id: string; data: T } | undefined> {
  const { rows } = await db.query(
    `SELECT envelope FROM identity.outbox WHERE message_key = $1 AND event_type = $2 ORDER BY seq DESC LIMIT 1`,
    [accountId, type],
  );
  const envelope = rows[0]?.envelope;
  if (!envelope) return undefined;
  const parsed = typeof envelope === 'string' ? JSON.parse(envelope) : envelope;
  return { id: parsed.id, data: parsed.data as T };
}
