import { ErrorBody } from '@obolus/platform';
import { context, propagation } from '@opentelemetry/api';
import { SessionTokens } from './session-cookies';

export type SessionKind = 'customer' | 'staff';

/** Who the browser's request came from, passed on to identity (its sign-in throttle and session records use them). */
export interface ClientHeaders {
  'x-forwarded-for': string;
  'x-forwarded-proto': string;
  'user-agent'?: string;
  traceparent?: string;
  tracestate?: string;
  'x-request-id'?: string;
}

/** identity's answer: its status, its JSON body, and the headers the browser must see (Retry-After). */
export interface IdentityReply<T = unknown> {
  status: number;
  body: T;
  retryAfter?: string;
}

export class IdentityUnavailable extends Error {}

/** The calls the edge makes to identity for the browser's session; nothing else of identity is known here. */
export class IdentityClient {
  constructor(private readonly baseUrl: string) {}

  signIn(
    kind: SessionKind,
    credentials: unknown,
    client: ClientHeaders,
  ): Promise<IdentityReply<SessionTokens & Record<string, unknown>>> {
    return this.call('POST', kind === 'staff' ? '/staff/auth/sign-in' : '/auth/sign-in', client, credentials);
  }

  /** The same route renews customer and staff sessions. */
  refresh(refreshToken: string, client: ClientHeaders): Promise<IdentityReply<SessionTokens>> {
    return this.call('POST', '/auth/refresh', client, { refreshToken });
  }

  signOut(refreshToken: string, client: ClientHeaders): Promise<IdentityReply> {
    return this.call('POST', '/auth/sign-out', client, { refreshToken });
  }

  /** The signed-in customer (`GET /me`) or staff member (`GET /staff/me`), identity verifying the token. */
  me(kind: SessionKind, accessToken: string, client: ClientHeaders): Promise<IdentityReply<Record<string, unknown>>> {
    return this.call('GET', kind === 'staff' ? '/staff/me' : '/me', client, undefined, accessToken);
  }

  private async call<T>(
    method: string,
    path: string,
    client: ClientHeaders,
    body?: unknown,
    token?: string,
  ): Promise<IdentityReply<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const [name, value] of Object.entries(client)) if (value) headers[name] = value;
    // With telemetry on, identity's span joins the edge's own (fetch is not instrumented); without it, the browser's.
    propagation.inject(context.active(), headers);
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl.replace(/\/$/, '')}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new IdentityUnavailable((error as Error).message);
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = { code: `HTTP_${response.status}`, message: text.slice(0, 500) } satisfies ErrorBody;
    }
    return { status: response.status, body: parsed as T, retryAfter: response.headers.get('retry-after') ?? undefined };
  }
}
