import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StripeApiError, invalidRequest } from './errors';
import { expand } from './expand';
import { canonical, parseForm, type Params } from './form';
import { base62 } from './ids';
import { expandPaths } from './params';
import { apiKeyOf, browserCall, CORS_HEADERS, publishableView } from './publishable-keys';
import { API_ROUTES, CONTROL_ROUTES, match } from './routes';
import { StripeState, type RequestInfo } from './state';
import { WebhookDispatcher, type Delivery } from './webhooks';

/** The API version the `stripe` SDK installed in Obolus pins; answered when a request names none. */
export const DEFAULT_API_VERSION = '2026-10-28.endive';

export interface StripeSandboxOptions {
  port?: number;
  host?: string;
  webhookUrls?: readonly string[];
  webhookSecret?: string;
  apiVersion?: string;
  /** How long SEPA debits and their refunds stay pending (ms). */
  asyncDelayMs?: number;
  webhookMaxAttempts?: number;
  webhookRetryBaseMs?: number;
  webhookRetryMaxMs?: number;
}

export interface StripeSandbox {
  url: string;
  port: number;
  webhookSecret: string;
  deliveries(): Delivery[];
  /** Resolves when every webhook queued so far was delivered or gave up. */
  webhooksIdle(): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(invalidRequest('Request body too large.', { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function errorReply(error: unknown): Reply {
  if (error instanceof StripeApiError) return { status: error.status, body: { error: error.error } };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { error: { type: 'api_error', message: `The Obolus Stripe sandbox failed: ${message}` } } };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export class StripeSandboxServer {
  readonly webhooks: WebhookDispatcher;
  readonly state: StripeState;
  private readonly server: Server;
  private readonly apiVersion: string;
  private readonly asyncDelayMs: number;

  constructor(
    private readonly options: StripeSandboxOptions,
    webhookSecret: string,
  ) {
    this.apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
    this.asyncDelayMs = options.asyncDelayMs ?? 2000;
    this.webhooks = new WebhookDispatcher(
      {
        secret: webhookSecret,
        maxAttempts: options.webhookMaxAttempts ?? 8,
        retryBaseMs: options.webhookRetryBaseMs ?? 1000,
        retryMaxMs: options.webhookRetryMaxMs ?? 60_000,
        timeoutMs: 10_000,
      },
      options.webhookUrls ?? [],
    );
    this.state = new StripeState((event) => this.webhooks.dispatch(event));
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => {
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  reset(): void {
    this.state.clear();
    this.webhooks.reset();
  }

  close(): Promise<void> {
    this.reset();
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = `req_${base62(14)}`;
    const apiVersion = header(req, 'stripe-version') ?? this.apiVersion;
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = (req.method ?? 'GET').toUpperCase();
    let reply: Reply;
    try {
      const raw = await readBody(req);
      if (method === 'OPTIONS') reply = { status: 204, body: '' };
      else if (url.pathname.startsWith('/_sandbox/')) reply = this.control(method, url, raw, requestId, apiVersion);
      else reply = this.api(req, method, url, raw, requestId, apiVersion);
    } catch (error) {
      reply = errorReply(error);
    }
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body, null, 2);
    res.writeHead(reply.status, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, no-store',
      'Request-Id': requestId,
      'Stripe-Version': apiVersion,
      ...CORS_HEADERS,
      ...reply.headers,
    });
    res.end(body);
  }

  private api(req: IncomingMessage, method: string, url: URL, raw: string, requestId: string, apiVersion: string): Reply {
    let params: Params =
      method === 'POST' ? { ...parseForm(url.search.slice(1)), ...parseForm(raw) } : parseForm(url.search.slice(1));
    const apiKey = apiKeyOf(req, params);
    if (apiKey.kind === 'secret') return this.endpoint(req, method, url, params, requestId, apiVersion);
    params = browserCall(this.state, req, method, url.pathname, params);
    const reply = this.endpoint(req, method, url, params, requestId, apiVersion);
    const body = typeof reply.body === 'string' ? (JSON.parse(reply.body) as unknown) : reply.body;
    return { ...reply, body: publishableView(body) };
  }

  private endpoint(req: IncomingMessage, method: string, url: URL, params: Params, requestId: string, apiVersion: string): Reply {
    const found = match(API_ROUTES, method, url.pathname);
    if (!found) {
      throw invalidRequest(
        `Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        { status: 404 },
      );
    }
    const idempotencyKey = method === 'POST' ? (header(req, 'idempotency-key') ?? null) : null;
    const echo: Record<string, string> = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {};
    const endpoint = `${method} ${url.pathname}`;
    const fingerprint = canonical(params);
    if (idempotencyKey) {
      if (idempotencyKey.length > 255)
        throw invalidRequest('Idempotency-Key must be at most 255 characters long.', { param: 'Idempotency-Key' });
      const stored = this.state.idempotency.get(idempotencyKey);
      if (stored) {
        if (`${stored.method} ${stored.path}` !== endpoint) {
          throw new StripeApiError(400, {
            message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.method} ${stored.path}' vs '${endpoint}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            type: 'idempotency_error',
          });
        }
        if (stored.fingerprint !== fingerprint) {
          throw new StripeApiError(400, {
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            type: 'idempotency_error',
          });
        }
        return {
          status: stored.status,
          body: stored.body,
          headers: { ...echo, 'Idempotent-Replayed': 'true', 'Original-Request': stored.requestId },
        };
      }
    }
    const request: RequestInfo = { requestId, idempotencyKey, apiVersion };
    let reply: Reply;
    try {
      const result = found.route.handler({
        state: this.state,
        params,
        path: found.params,
        request,
        asyncDelayMs: this.asyncDelayMs,
      });
      reply = { status: 200, body: JSON.stringify(expand(result, expandPaths(params), this.state), null, 2) };
    } catch (error) {
      reply = errorReply(error);
    }
    // Stripe saves the outcome once the endpoint ran; requests rejected by validation (400) are not saved.
    if (idempotencyKey && reply.status !== 400) {
      this.state.idempotency.set(idempotencyKey, {
        method,
        path: url.pathname,
        fingerprint,
        status: reply.status,
        body: reply.body,
        requestId,
      });
    }
    return { ...reply, headers: echo };
  }

  private control(method: string, url: URL, raw: string, requestId: string, apiVersion: string): Reply {
    const params = this.controlParams(raw);
    const path = url.pathname;
    if (method === 'GET' && path === '/_sandbox/health') return { status: 200, body: { ok: true } };
    if (method === 'GET' && path === '/_sandbox/deliveries') return { status: 200, body: { data: this.webhooks.deliveries() } };
    if (method === 'POST' && path === '/_sandbox/reset') {
      this.reset();
      return { status: 200, body: { ok: true } };
    }
    if (path === '/_sandbox/webhook_endpoints') {
      const target = typeof params.url === 'string' ? params.url : url.searchParams.get('url');
      if (method === 'POST' || method === 'DELETE') {
        if (!target) throw invalidRequest('Missing required param: url.', { param: 'url' });
        try {
          if (method === 'POST') this.webhooks.addEndpoint(target);
          else this.webhooks.removeEndpoint(target);
        } catch {
          throw invalidRequest(`Invalid URL: ${target}`, { param: 'url' });
        }
      }
      return { status: 200, body: { data: this.webhooks.endpointUrls() } };
    }
    const found = match(CONTROL_ROUTES, method, path);
    if (!found) throw invalidRequest(`Unrecognized sandbox control (${method}: ${path}).`, { status: 404 });
    const request: RequestInfo = { requestId, idempotencyKey: null, apiVersion };
    return {
      status: 200,
      body: found.route.handler({ state: this.state, params, path: found.params, request, asyncDelayMs: this.asyncDelayMs }),
    };
  }

  /** Controls take JSON or form bodies, whichever is handier for the caller. */
  private controlParams(raw: string): Params {
    const text = raw.trim();
    if (!text.startsWith('{')) return parseForm(text);
    try {
      return JSON.parse(text) as Params;
    } catch {
      throw invalidRequest('Invalid JSON body.');
    }
  }
}

export async function startStripeSandbox(options: StripeSandboxOptions = {}): Promise<StripeSandbox> {
  const webhookSecret = options.webhookSecret ?? 'whsec_obolus_sandbox';
  const server = new StripeSandboxServer(options, webhookSecret);
  const port = await server.listen();
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    webhookSecret,
    deliveries: () => server.webhooks.deliveries(),
    webhooksIdle: () => server.webhooks.idle(),
    reset: () => server.reset(),
    close: () => server.close(),
  };
}
