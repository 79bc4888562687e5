import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { newId } from './ids';
import type { StripeObject } from './state';

/** Stripe's scheme: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

export interface DeliveryAttempt {
  at: string;
  /** HTTP status the endpoint answered, or null when it could not be reached. */
  status: number | null;
  error: string | null;
}

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  objectId: string;
  url: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: DeliveryAttempt[];
}

export interface WebhookOptions {
  secret: string;
  /** Tries per delivery before it is marked failed. */
  maxAttempts: number;
  /** The first retry waits this long; each next one waits twice as long, up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  timeoutMs: number;
}

function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Delivers events to every endpoint, signed as Stripe signs them. Events about the same object
 * reach an endpoint in the order they happened: a later one waits while an earlier one is retried.
 */
export class WebhookDispatcher {
  private readonly endpoints = new Set<string>();
  private readonly log: Delivery[] = [];
  private readonly queues = new Map<string, Promise<void>>();
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  private generation = 0;

  constructor(
    private readonly options: WebhookOptions,
    urls: readonly string[],
  ) {
    for (const url of urls) this.addEndpoint(url);
  }

  addEndpoint(url: string): void {
    new URL(url);
    this.endpoints.add(url);
  }

  removeEndpoint(url: string): boolean {
    return this.endpoints.delete(url);
  }

  endpointUrls(): string[] {
    return [...this.endpoints];
  }

  deliveries(): Delivery[] {
    return structuredClone(this.log);
  }

  dispatch(event: StripeObject): void {
    const objectId = String((event.data as { object: { id?: string } }).object.id ?? event.id);
    event.pending_webhooks = this.endpoints.size;
    for (const url of this.endpoints) {
      const delivery: Delivery = {
        id: newId('whdel'),
        eventId: event.id,
        eventType: String(event.type),
        objectId,
        url,
        status: 'pending',
        attempts: [],
      };
      this.log.push(delivery);
      const key = `${url} ${objectId}`;
      const generation = this.generation;
      const previous = this.queues.get(key) ?? Promise.resolve();
      const next = previous.then(() => this.deliver(event, delivery, generation));
      this.queues.set(key, next);
      void next.then(() => {
        if (this.queues.get(key) === next) this.queues.delete(key);
      });
    }
  }

  /** Resolves when every delivery queued so far has succeeded or given up. */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  /** Forgets deliveries and stops retries (sandbox reset and close). */
  reset(): void {
    this.generation += 1;
    this.log.length = 0;
    this.queues.clear();
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.wake();
    }
    this.sleepers.clear();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve();
        }, ms),
        wake: resolve,
      };
      this.sleepers.add(sleeper);
    });
  }

  private async deliver(event: StripeObject, delivery: Delivery, generation: number): Promise<void> {
    const { maxAttempts, retryBaseMs, retryMaxMs, secret, timeoutMs } = this.options;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      if (generation !== this.generation) return;
      const payload = JSON.stringify(event, null, 2);
      const headers = {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'Cache-Control': 'no-cache',
        Accept: '*/*; q=0.5, application/xml',
        'Stripe-Signature': signatureHeader(payload, secret, Math.floor(Date.now() / 1000)),
      };
      let status: number | null = null;
      let error: string | null = null;
      try {
        status = await post(delivery.url, payload, headers, timeoutMs);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      if (generation !== this.generation) return;
      delivery.attempts.push({ at: new Date().toISOString(), status, error });
      if (status !== null && status >= 200 && status < 300) {
        delivery.status = 'succeeded';
        event.pending_webhooks = Math.max(0, Number(event.pending_webhooks) - 1);
        return;
      }
      if (attempt < maxAttempts) await this.sleep(Math.min(retryBaseMs * 2 ** (attempt - 1), retryMaxMs));
    }
    delivery.status = 'failed';
  }
}
