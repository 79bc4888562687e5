import { sign } from 'node:crypto';
import { signedTransmissionText, type WebhookEvent } from '@obolus/paypal';
import type { SigningCertificate } from './certificate';
import { transmissionId } from './ids';

/** A listener, as PayPal's webhooks: a URL and the id PayPal gave that webhook (part of what is signed). */
export interface WebhookEndpoint {
  url: string;
  webhookId: string;
}

export interface DeliveryAttempt {
  at: string;
  /** HTTP status the listener answered, or null when it could not be reached. */
  status: number | null;
  error: string | null;
}

/** One event sent to one listener, with the exact bytes and headers, so a test can check them. */
export interface Delivery {
  transmissionId: string;
  eventId: string;
  eventType: string;
  url: string;
  webhookId: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: DeliveryAttempt[];
  headers: Record<string, string>;
  body: string;
}

export interface WebhookOptions {
  certificate: SigningCertificate;
  certUrl: () => string;
  maxAttempts: number;
  /** The first retry waits this long, each next one twice as long. */
  retryBaseMs: number;
  timeoutMs: number;
}

/**
 * Sends events to every listener, signed as PayPal signs them: SHA256withRSA over
 * `<transmission id>|<transmission time>|<webhook id>|<crc32 of the body>`, base64 in paypal-transmission-sig,
 * the certificate at paypal-cert-url. Events reach a listener in the order they happened; a failed one is
 * retried (with the same transmission) before the next is sent.
 */
export class WebhookDispatcher {
  private readonly endpoints = new Map<string, WebhookEndpoint>();
  private readonly log: Delivery[] = [];
  private readonly queues = new Map<string, Promise<void>>();
  private readonly timers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  private generation = 0;

  constructor(
    private readonly options: WebhookOptions,
    endpoints: readonly WebhookEndpoint[],
  ) {
    for (const endpoint of endpoints) this.addEndpoint(endpoint);
  }

  addEndpoint(endpoint: WebhookEndpoint): void {
    new URL(endpoint.url);
    this.endpoints.set(endpoint.url, endpoint);
  }

  removeEndpoint(url: string): boolean {
    return this.endpoints.delete(url);
  }

  endpointList(): WebhookEndpoint[] {
    return [...this.endpoints.values()];
  }

  webhookIds(): Set<string> {
    return new Set([...this.endpoints.values()].map((e) => e.webhookId));
  }

  deliveries(): Delivery[] {
    return structuredClone(this.log);
  }

  dispatch(event: WebhookEvent): void {
    const body = JSON.stringify(event);
    for (const endpoint of this.endpoints.values()) {
      const delivery = this.signed(event, body, endpoint);
      this.log.push(delivery);
      const generation = this.generation;
      const next = (this.queues.get(endpoint.url) ?? Promise.resolve()).then(() => this.deliver(delivery, generation));
      this.queues.set(endpoint.url, next);
      void next.then(() => {
        if (this.queues.get(endpoint.url) === next) this.queues.delete(endpoint.url);
      });
    }
  }

  /** Resolves when every delivery queued so far has succeeded or given up. */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  reset(): void {
    this.generation += 1;
    this.log.length = 0;
    this.queues.clear();
    for (const sleeper of this.timers) {
      clearTimeout(sleeper.timer);
      sleeper.wake();
    }
    this.timers.clear();
  }

  private signed(event: WebhookEvent, body: string, endpoint: WebhookEndpoint): Delivery {
    const id = transmissionId();
    const time = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const text = signedTransmissionText(id, time, endpoint.webhookId, body);
    const signature = sign('sha256', Buffer.from(text, 'utf8'), this.options.certificate.privateKey).toString('base64');
    return {
      transmissionId: id,
      eventId: event.id,
      eventType: event.event_type,
      url: endpoint.url,
      webhookId: endpoint.webhookId,
      status: 'pending',
      attempts: [],
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'PayPal/AUHD-214.0-58843211',
        'paypal-transmission-id': id,
        'paypal-transmission-time': time,
        'paypal-transmission-sig': signature,
        'paypal-cert-url': this.options.certUrl(),
        'paypal-auth-algo': 'SHA256withRSA',
        'paypal-auth-version': 'v2',
      },
      body,
    };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          this.timers.delete(sleeper);
          resolve();
        }, ms),
        wake: resolve,
      };
      this.timers.add(sleeper);
    });
  }

  private async deliver(delivery: Delivery, generation: number): Promise<void> {
    const { maxAttempts, retryBaseMs, timeoutMs } = this.options;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      if (generation !== this.generation) return;
      let status: number | null = null;
      let error: string | null = null;
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.arrayBuffer();
        status = response.status;
      } catch (e) {
        const { message, cause } = (e ?? {}) as { message?: unknown; cause?: { message?: unknown } };
        error = String(cause?.message ?? message ?? e);
      }
      if (generation !== this.generation) return;
      delivery.attempts.push({ at: new Date().toISOString(), status, error });
      if (status !== null && status >= 200 && status < 300) {
        delivery.status = 'succeeded';
        return;
      }
      if (attempt < maxAttempts) await this.sleep(retryBaseMs * 2 ** (attempt - 1));
    }
    delivery.status = 'failed';
  }
}
