import { resourceMissing } from './errors';
import { newId, nowSeconds } from './ids';
import type { CardProfile, IbanProfile } from './test-instruments';

export type StripeObject = Record<string, unknown> & { id: string; object: string; created: number };

/** Who caused a change: Stripe puts this on each event as `request: { id, idempotency_key }`. */
export interface RequestInfo {
  requestId: string | null;
  idempotencyKey: string | null;
  apiVersion: string;
}

/** What a PaymentMethod really is; kept beside the public object, never shown. */
export interface Instrument {
  card?: CardProfile;
  iban?: IbanProfile;
  /** Authenticated once for off-session use (SetupIntent or on-session 3DS). */
  authenticated: boolean;
}

export interface StoredResponse {
  method: string;
  path: string;
  fingerprint: string;
  status: number;
  body: unknown;
  requestId: string;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The sandbox's whole memory. Objects keep insertion order, which lists reverse (newest first). */
export class StripeState {
  readonly objects = new Map<string, StripeObject>();
  readonly instruments = new Map<string, Instrument>();
  readonly events: StripeObject[] = [];
  readonly idempotency = new Map<string, StoredResponse>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly onEvent: (event: StripeObject) => void) {}

  put<T extends StripeObject>(object: T): T {
    this.objects.set(object.id, object);
    return object;
  }

  find(id: string, kind: string): StripeObject | undefined {
    const object = this.objects.get(id);
    return object && object.object === kind && object.deleted !== true ? object : undefined;
  }

  /** The object, or Stripe's resource_missing error naming `param` (404 for a path id). */
  get(id: string, kind: string, param = 'id'): StripeObject {
    const object = this.find(id, kind);
    if (!object) throw resourceMissing(id, param);
    return object;
  }

  all(kind: string): StripeObject[] {
    return [...this.objects.values()].filter((o) => o.object === kind && o.deleted !== true).reverse();
  }

  /** Records an event with a snapshot of the object and hands it to webhook delivery. */
  emit(type: string, object: StripeObject, request: RequestInfo, previousAttributes?: Record<string, unknown>): StripeObject {
    const data: Record<string, unknown> = { object: clone(object) };
    if (previousAttributes) data.previous_attributes = clone(previousAttributes);
    const event: StripeObject = {
      id: newId('evt'),
      object: 'event',
      api_version: request.apiVersion,
      created: nowSeconds(),
      data,
      livemode: false,
      pending_webhooks: 0,
      request: { id: request.requestId, idempotency_key: request.idempotencyKey },
      type,
    };
    this.events.push(event);
    this.put(event);
    this.onEvent(event);
    return event;
  }

  /** Work that Stripe does later (SEPA debits settling); cancelled by reset and close. */
  later(delayMs: number, work: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, delayMs);
    this.timers.add(timer);
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.objects.clear();
    this.instruments.clear();
    this.events.length = 0;
    this.idempotency.clear();
  }
}
