import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Order } from '@obolus/paypal';
import { approvalPage, messagePage } from './approval-page';
import { createSigningCertificate, type SigningCertificate } from './certificate';
import { internalError, invalidRequest, PaypalSandboxError, unprocessable } from './errors';
import { debugId } from './ids';
import { authenticate, issueToken, type Credentials } from './oauth';
import { approveOrder, captureOrder, createOrder, findOrder, type PayerDetails } from './orders';
import { findCapture, findRefund, refundCapture } from './refunds';
import { PaypalState } from './state';
import { verifyWebhookSignature } from './verify-signature';
import { WebhookDispatcher, type Delivery, type WebhookEndpoint } from './webhooks';

export interface PaypalSandboxOptions {
  port?: number;
  host?: string;
  /** The REST app's credentials, as in PayPal's developer dashboard. */
  clientId?: string;
  clientSecret?: string;
  /** Listeners of the one webhook the sandbox has (id `webhookId`). */
  webhookUrls?: readonly string[];
  webhookId?: string;
  /** Access token lifetime; PayPal's are 32,400 s (9 hours). */
  tokenTtlSeconds?: number;
  webhookMaxAttempts?: number;
  webhookRetryBaseMs?: number;
  webhookTimeoutMs?: number;
}

export interface ApprovalResult {
  order: Order;
  /** Where PayPal sends the payer's browser next: return_url?token=<order id>&PayerID=<payer id>. */
  redirectUrl: string | undefined;
}

export interface PaypalSandbox {
  url: string;
  port: number;
  clientId: string;
  clientSecret: string;
  webhookId: string;
  certUrl: string;
  certificatePem: string;
  /** The payer's approval, without the HTML page. */
  approveOrder(orderId: string, payer?: PayerDetails): ApprovalResult;
  /** The payer's cancel: where the browser goes (cancel_url?token=<order id>); the order is unchanged. */
  cancelOrder(orderId: string): string | undefined;
  /** The next `count` API calls (token included) answer `status` (500 INTERNAL_SERVER_ERROR by default). */
  failNext(count?: number, status?: number): void;
  /** Every access token issued so far stops working, as when they expire. */
  expireTokens(): void;
  addWebhookListener(url: string, webhookId?: string): void;
  deliveries(): Delivery[];
  /** Resolves when every webhook queued so far was delivered or given up. */
  webhooksIdle(): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  /** text/html for the approval pages, JSON otherwise. */
  contentType?: string;
  headers?: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'DELETE';

const MAX_BODY_BYTES = 1024 * 1024;
const CERT_PATH = '/v1/notifications/certs/CERT-360caa42-fca2a594-0b05a3c5';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(invalidRequest({ issue: 'INVALID_STRING_LENGTH', description: 'Request body too large.' }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw invalidRequest({
      issue: 'MALFORMED_REQUEST_JSON',
      description: 'The request JSON is not well formed.',
      location: 'body',
    });
  }
}

function withQuery(url: string, params: Record<string, string>): string {
  const target = new URL(url);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  return target.toString();
}

/** PayPal's negative testing: `PayPal-Mock-Response: {"mock_application_codes": "INSTRUMENT_DECLINED"}`. */
function mockedIssue(req: IncomingMessage): string | undefined {
  const mock = header(req, 'paypal-mock-response');
  if (!mock) return undefined;
  try {
    const parsed = JSON.parse(mock) as { mock_application_codes?: unknown };
    return typeof parsed.mock_application_codes === 'string' ? parsed.mock_application_codes : undefined;
  } catch {
    return undefined;
  }
}

export class PaypalSandboxServer {
  readonly state: PaypalState;
  readonly webhooks: WebhookDispatcher;
  readonly certificate: SigningCertificate;
  readonly apps: Credentials[];
  readonly webhookId: string;
  private readonly server: Server;
  private failures: { remaining: number; status: number } = { remaining: 0, status: 500 };
  private certUrlValue = '';

  constructor(private readonly options: PaypalSandboxOptions) {
    this.apps = [
      { clientId: options.clientId ?? 'obolus-sandbox-client', clientSecret: options.clientSecret ?? 'obolus-sandbox-secret' },
    ];
    this.webhookId = options.webhookId ?? '8OB0LUS5ANDB0XWH1';
    this.certificate = createSigningCertificate();
    this.state = new PaypalState((event) => this.webhooks.dispatch(event));
    // The certificate URL needs the port, known once listening; listeners are added then too.
    this.webhooks = new WebhookDispatcher(
      {
        certificate: this.certificate,
        certUrl: () => this.certUrl,
        maxAttempts: options.webhookMaxAttempts ?? 5,
        retryBaseMs: options.webhookRetryBaseMs ?? 1000,
        timeoutMs: options.webhookTimeoutMs ?? 10_000,
      },
      [],
    );
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  get certUrl(): string {
    return this.certUrlValue;
  }

  async listen(): Promise<number> {
    const port = await new Promise<number>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => {
        resolve((this.server.address() as AddressInfo).port);
      });
    });
    this.state.baseUrl = `http://${this.options.host ?? '127.0.0.1'}:${port}`;
    this.certUrlValue = `${this.state.baseUrl}${CERT_PATH}`;
    for (const url of this.options.webhookUrls ?? []) this.webhooks.addEndpoint({ url, webhookId: this.webhookId });
    return port;
  }

  approve(orderId: string, payer: PayerDetails = {}): ApprovalResult {
    const record = approveOrder(this.state, orderId, payer);
    const { returnUrl } = record.experience;
    const payerId = record.order.payer?.payer_id ?? '';
    return {
      order: structuredClone(record.order),
      redirectUrl: returnUrl ? withQuery(returnUrl, { token: orderId, PayerID: payerId }) : undefined,
    };
  }

  cancel(orderId: string): string | undefined {
    const { cancelUrl } = findOrder(this.state, orderId).experience;
    return cancelUrl ? withQuery(cancelUrl, { token: orderId }) : undefined;
  }

  failNext(count = 1, status = 500): void {
    this.failures = { remaining: count, status };
  }

  expireTokens(): void {
    for (const token of this.state.tokens.values()) token.expiresAt = 0;
  }

  reset(): void {
    this.state.clear();
    this.webhooks.reset();
    this.failures = { remaining: 0, status: 500 };
  }

  close(): Promise<void> {
    this.reset();
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = (req.method ?? 'GET').toUpperCase() as Method;
    let reply: Reply;
    try {
      const raw = await readBody(req);
      if (url.pathname.startsWith('/_sandbox/')) reply = this.control(method, url.pathname, raw);
      else if (url.pathname === '/checkoutnow') reply = this.checkout(method, url, raw);
      else if (method === 'GET' && url.pathname === CERT_PATH)
        reply = { status: 200, body: this.certificate.pem, contentType: 'application/x-x509-ca-cert' };
      else if (method === 'GET' && url.pathname === '/') reply = { status: 200, body: { sandbox: 'paypal', ok: true } };
      else reply = this.api(req, method, url.pathname, raw);
    } catch (error) {
      reply = this.errorReply(error);
    }
    const contentType = reply.contentType ?? 'application/json';
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', ...reply.headers });
    res.end(body);
  }

  private errorReply(error: unknown): Reply {
    const known = error instanceof PaypalSandboxError ? error : internalError();
    const debug = 'debug_id' in known.body ? String(known.body.debug_id) : debugId();
    return { status: known.status, body: known.body, headers: { 'Paypal-Debug-Id': debug } };
  }

  private api(req: IncomingMessage, method: Method, path: string, raw: string): Reply {
    if (this.failures.remaining > 0) {
      this.failures.remaining -= 1;
      const failure = internalError();
      return { ...this.errorReply(failure), status: this.failures.status };
    }
    if (method === 'POST' && path === '/v1/oauth2/token') {
      const ttl = this.options.tokenTtlSeconds ?? 32_400;
      return {
        status: 200,
        body: issueToken(this.state, this.apps, header(req, 'authorization'), new URLSearchParams(raw), ttl),
      };
    }
    authenticate(this.state, header(req, 'authorization'));
    const mocked = mockedIssue(req);
    if (mocked) throw unprocessable({ issue: mocked, description: 'Answered as asked by PayPal-Mock-Response.' });
    const requestId = header(req, 'paypal-request-id');
    if (requestId !== undefined && (requestId.length < 1 || requestId.length > 108)) {
      throw invalidRequest({
        field: 'PayPal-Request-Id',
        issue: 'INVALID_STRING_LENGTH',
        description: 'The value of a field is either too short or too long.',
      });
    }
    // PayPal keeps the answer of a call that succeeded and gives it again for the same PayPal-Request-Id.
    const key = requestId === undefined ? undefined : `${method} ${path} ${requestId}`;
    const stored = key === undefined ? undefined : this.state.answers.get(key);
    if (stored) return { status: stored.status, body: stored.body };
    const reply = this.route(method, path, raw);
    if (key !== undefined && reply.status < 300)
      this.state.answers.set(key, { status: reply.status, body: structuredClone(reply.body) });
    return reply;
  }

  private route(method: Method, path: string, raw: string): Reply {
    const state = this.state;
    const parts = path
      .split('/')
      .filter((p) => p !== '')
      .map(decodeURIComponent);
    const [v, area, kind, id, action, extra] = parts;
    const json = (status: number, body: unknown): Reply => ({ status, body: structuredClone(body) });
    if (extra === undefined && v === 'v2' && area === 'checkout' && kind === 'orders') {
      if (method === 'POST' && id === undefined) return json(201, createOrder(state, parseJson(raw)));
      if (method === 'GET' && id !== undefined && action === undefined) return json(200, findOrder(state, id).order);
      if (method === 'POST' && id !== undefined && action === 'capture') {
        parseJson(raw);
        return json(201, captureOrder(state, id));
      }
    }
    if (extra === undefined && v === 'v2' && area === 'payments' && id !== undefined) {
      if (method === 'GET' && kind === 'captures' && action === undefined) return json(200, findCapture(state, id).capture);
      if (method === 'POST' && kind === 'captures' && action === 'refund')
        return json(201, refundCapture(state, id, parseJson(raw)));
      if (method === 'GET' && kind === 'refunds' && action === undefined) return json(200, findRefund(state, id));
    }
    if (method === 'POST' && path === '/v1/notifications/verify-webhook-signature') {
      const body = parseJson(raw);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw invalidRequest({ issue: 'MALFORMED_REQUEST_JSON', description: 'The request JSON is not well formed.' });
      }
      const context = { certUrl: this.certUrl, certificatePem: this.certificate.pem, webhookIds: this.knownWebhookIds() };
      return json(200, verifyWebhookSignature(context, raw, body as Record<string, unknown>));
    }
    throw new PaypalSandboxError(404, {
      name: 'RESOURCE_NOT_FOUND',
      message: 'The specified resource does not exist.',
      details: [{ issue: 'INVALID_RESOURCE_ID', description: `The Obolus PayPal sandbox has no ${method} ${path}.` }],
    });
  }

  private knownWebhookIds(): Set<string> {
    const ids = this.webhooks.webhookIds();
    ids.add(this.webhookId);
    return ids;
  }

  /** The payer's side: GET shows the approval page, POST is its form (approve or cancel), then a redirect. */
  private checkout(method: Method, url: URL, raw: string): Reply {
    const html = (status: number, body: string, headers?: Record<string, string>): Reply => ({
      status,
      body,
      contentType: 'text/html; charset=utf-8',
      headers,
    });
    const form = method === 'POST' ? new URLSearchParams(raw) : url.searchParams;
    const token = form.get('token') ?? '';
    const record = this.state.orders.get(token);
    if (!record) return html(404, messagePage('Order not found', `There is no order ${token} to approve.`));
    if (method === 'GET') {
      if (record.order.status === 'COMPLETED') return html(409, messagePage('Already paid', `Order ${token} is already paid.`));
      return html(200, approvalPage(record.order));
    }
    if (method !== 'POST') return html(405, messagePage('Not allowed', `${method} is not allowed here.`));
    if (form.get('action') === 'cancel') {
      const target = this.cancel(token);
      return target
        ? html(302, '', { Location: target })
        : html(200, messagePage('Payment cancelled', 'You may close this page.'));
    }
    try {
      const { redirectUrl } = this.approve(token, {
        email: form.get('email') ?? undefined,
        givenName: form.get('given_name') ?? undefined,
        surname: form.get('surname') ?? undefined,
      });
      return redirectUrl
        ? html(302, '', { Location: redirectUrl })
        : html(200, messagePage('Payment approved', 'You may close this page.'));
    } catch (error) {
      const message = error instanceof PaypalSandboxError ? JSON.stringify(error.body) : String(error);
      return html(409, messagePage('Cannot approve', message));
    }
  }

  private control(method: Method, path: string, raw: string): Reply {
    const body = parseJson(raw) as Record<string, unknown>;
    const text = (field: string): string | undefined => (typeof body[field] === 'string' ? (body[field] as string) : undefined);
    const ok = (value: unknown): Reply => ({ status: 200, body: value });
    if (method === 'GET' && path === '/_sandbox/health') return ok({ ok: true });
    if (method === 'POST' && path === '/_sandbox/reset') {
      this.reset();
      return ok({ ok: true });
    }
    if (method === 'GET' && path === '/_sandbox/webhooks') return ok({ deliveries: this.webhooks.deliveries() });
    if (path === '/_sandbox/webhook-listeners') {
      const target = text('url');
      if (method === 'POST' && target) {
        try {
          this.webhooks.addEndpoint({ url: target, webhookId: text('webhook_id') ?? this.webhookId });
        } catch {
          throw invalidRequest({
            field: '/url',
            value: target,
            location: 'body',
            issue: 'INVALID_PARAMETER_SYNTAX',
            description: 'Not a URL.',
          });
        }
      }
      if (method === 'DELETE' && target) this.webhooks.removeEndpoint(target);
      return ok({ listeners: this.webhooks.endpointList() satisfies WebhookEndpoint[] });
    }
    if (method === 'POST' && path === '/_sandbox/fail-next') {
      this.failNext(typeof body.count === 'number' ? body.count : 1, typeof body.status === 'number' ? body.status : 500);
      return ok({ ok: true });
    }
    if (method === 'POST' && path === '/_sandbox/expire-tokens') {
      this.expireTokens();
      return ok({ ok: true });
    }
    const order = /^\/_sandbox\/orders\/([^/]+)\/(approve|cancel)$/.exec(path);
    if (method === 'POST' && order) {
      const id = decodeURIComponent(order[1]);
      if (order[2] === 'cancel') return ok({ redirect_url: this.cancel(id) ?? null });
      const result = this.approve(id, { email: text('email'), givenName: text('given_name'), surname: text('surname') });
      return ok({ order: result.order, redirect_url: result.redirectUrl ?? null });
    }
    throw new PaypalSandboxError(404, {
      name: 'RESOURCE_NOT_FOUND',
      message: 'The specified resource does not exist.',
      details: [{ issue: 'INVALID_RESOURCE_ID', description: `No sandbox control ${method} ${path}.` }],
    });
  }
}

export async function startPaypalSandbox(options: PaypalSandboxOptions = {}): Promise<PaypalSandbox> {
  const server = new PaypalSandboxServer(options);
  const port = await server.listen();
  const [app] = server.apps;
  return {
    url: server.state.baseUrl,
    port,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    webhookId: server.webhookId,
    certUrl: server.certUrl,
    certificatePem: server.certificate.pem,
    approveOrder: (orderId, payer) => server.approve(orderId, payer),
    cancelOrder: (orderId) => server.cancel(orderId),
    failNext: (count, status) => server.failNext(count, status),
    expireTokens: () => server.expireTokens(),
    addWebhookListener: (url, webhookId) => server.webhooks.addEndpoint({ url, webhookId: webhookId ?? server.webhookId }),
    deliveries: () => server.webhooks.deliveries(),
    webhooksIdle: () => server.webhooks.idle(),
    reset: () => server.reset(),
    close: () => server.close(),
  };
}
