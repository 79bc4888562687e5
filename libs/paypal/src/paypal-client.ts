import { errorBody, PaypalApiError, PaypalTransportError } from './errors';
import type {
  AccessTokenResponse,
  CreateOrderRequest,
  Order,
  Refund,
  RefundRequest,
  VerifyWebhookSignatureResponse,
} from './types';
import { transmissionHeaders, type HeaderSource } from './webhook-transmission';

export interface PaypalClientOptions {
  /** `https://api-m.paypal.com`, `https://api-m.sandbox.paypal.com`, or the Obolus PayPal sandbox. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Per HTTP call, token call included. */
  timeoutMs?: number;
  /** A token is fetched again this long before PayPal says it expires. */
  tokenRefreshMarginMs?: number;
  now?: () => number;
}

export interface IdempotentCall {
  /**
   * PayPal-Request-Id: PayPal answers a repeat with the first call's outcome instead of acting twice.
   * Use an id derived from what the call is for (the draft invoice, the refund request), not a random one.
   */
  requestId?: string;
}

interface CachedToken {
  accessToken: string;
  refreshAt: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;

/** The link the payer is sent to: `payer-action` for orders made with payment_source.paypal, `approve` otherwise. */
export function approvalUrl(order: Order): string | undefined {
  return (order.links.find((l) => l.rel === 'payer-action') ?? order.links.find((l) => l.rel === 'approve'))?.href;
}

/**
 * A typed PayPal REST client over Node's fetch: OAuth2 client credentials (token cached, shared by concurrent
 * callers, fetched again once before it expires or when PayPal refuses it), Orders v2, capture refunds and
 * webhook verification. Every failure is a PaypalApiError (PayPal answered) or a PaypalTransportError.
 */
export class PaypalClient {
  private token: CachedToken | undefined;
  private pendingToken: Promise<CachedToken> | undefined;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly refreshMarginMs: number;
  private readonly now: () => number;

  constructor(private readonly options: PaypalClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.refreshMarginMs = options.tokenRefreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    this.now = options.now ?? Date.now;
  }

  async getAccessToken(): Promise<string> {
    if (this.token && this.now() < this.token.refreshAt) return this.token.accessToken;
    this.pendingToken ??= this.fetchToken().finally(() => (this.pendingToken = undefined));
    this.token = await this.pendingToken;
    return this.token.accessToken;
  }

  createOrder(order: CreateOrderRequest, call: IdempotentCall = {}): Promise<Order> {
    return this.api<Order>('POST', '/v2/checkout/orders', order, call.requestId);
  }

  getOrder(orderId: string): Promise<Order> {
    return this.api<Order>('GET', `/v2/checkout/orders/${encodeURIComponent(orderId)}`);
  }

  /** Captures an approved order; with the same requestId a repeat answers the first capture again. */
  captureOrder(orderId: string, call: IdempotentCall = {}): Promise<Order> {
    return this.api<Order>('POST', `/v2/checkout/orders/${encodeURIComponent(orderId)}/capture`, {}, call.requestId);
  }

  /** Refunds all that is left of a capture, or `refund.amount` of it. */
  refundCapture(captureId: string, refund: RefundRequest = {}, call: IdempotentCall = {}): Promise<Refund> {
    return this.api<Refund>('POST', `/v2/payments/captures/${encodeURIComponent(captureId)}/refund`, refund, call.requestId);
  }

  /**
   * Asks PayPal whether a received webhook is genuine. The raw body goes into `webhook_event` byte for byte
   * (not parsed and written again), since the signature covers the CRC-32 of exactly those bytes. A request
   * missing a transmission header or carrying a body that is not JSON is answered FAILURE without asking.
   */
  async verifyWebhookSignature(
    headers: HeaderSource,
    rawBody: string,
    webhookId: string,
  ): Promise<VerifyWebhookSignatureResponse> {
    const transmission = transmissionHeaders(headers);
    if (!transmission) return { verification_status: 'FAILURE' };
    try {
      JSON.parse(rawBody);
    } catch {
      return { verification_status: 'FAILURE' };
    }
    const envelope = JSON.stringify({
      auth_algo: transmission.authAlgo,
      cert_url: transmission.certUrl,
      transmission_id: transmission.transmissionId,
      transmission_sig: transmission.transmissionSig,
      transmission_time: transmission.transmissionTime,
      webhook_id: webhookId,
    });
    const body = `${envelope.slice(0, -1)},"webhook_event":${rawBody}}`;
    return this.api<VerifyWebhookSignatureResponse>('POST', '/v1/notifications/verify-webhook-signature', body);
  }

  private async fetchToken(): Promise<CachedToken> {
    const path = '/v1/oauth2/token';
    const basic = Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`, 'utf8').toString('base64');
    const startedAt = this.now();
    const answer = await this.send('POST', path, {
      headers: {
        Authorization: `Basic ${basic}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
    });
    const token = answer as AccessTokenResponse;
    const lifetimeMs = token.expires_in * 1000;
    // A token that lives shorter than the margin is still used, for half its life.
    const margin = Math.min(this.refreshMarginMs, lifetimeMs / 2);
    return { accessToken: token.access_token, refreshAt: startedAt + lifetimeMs - margin };
  }

  /** A REST call with the bearer token; a 401 drops the cached token and tries once more with a new one. */
  private async api<T>(method: 'GET' | 'POST', path: string, body?: unknown, requestId?: string): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const accessToken = await this.getAccessToken();
      const headers: Record<string, string> = {
        Authorization: `Bearer ${accessToken}`,
        Accept: 'application/json',
        Prefer: 'return=representation',
      };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (requestId !== undefined) headers['PayPal-Request-Id'] = requestId;
      try {
        const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
        return (await this.send(method, path, { headers, body: payload })) as T;
      } catch (error) {
        if (attempt === 1 && error instanceof PaypalApiError && error.status === 401) {
          if (this.token?.accessToken === accessToken) this.token = undefined;
          continue;
        }
        throw error;
      }
    }
  }

  private async send(method: string, path: string, init: { headers: Record<string, string>; body?: string }): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: init.headers,
        body: init.body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      // Read by name, not instanceof: fetch's errors may come from another realm (e.g. under jest's vm).
      const { name, message, cause } = (error ?? {}) as { name?: unknown; message?: unknown; cause?: { message?: unknown } };
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      const reason = timedOut ? `no answer within ${this.timeoutMs} ms` : String(cause?.message ?? message ?? error);
      throw new PaypalTransportError(`PayPal ${method} ${path}: ${reason}`, timedOut, method, path);
    }
    if (!response.ok) throw new PaypalApiError(response.status, errorBody(response.status, text), method, path);
    try {
      return text === '' ? {} : (JSON.parse(text) as unknown);
    } catch {
      throw new PaypalApiError(response.status, errorBody(502, text), method, path);
    }
  }
}
