import { resourceMissing } from './errors';
import { newId, nowSeconds } from './ids';
import type { BankAccountProfile, CardProfile, IbanProfile } from './test-instruments';

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
  bankAccount?: BankAccountProfile;
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
  /** Work due on a test clock's frozen time (debits of its customers settling), run when the clock passes it. */
  private readonly clockWork: { clockId: string; dueAt: number; seq: number; work: () => void }[] = [];
  private clockWorkSeq = 0;

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

  /** The test clock a customer lives on, if any. */
  clockOfCustomer(customerId: unknown): StripeObject | undefined {
    if (typeof customerId !== 'string') return undefined;
    const clockId = this.objects.get(customerId)?.test_clock;
    return typeof clockId === 'string' ? this.find(clockId, 'test_helpers.test_clock') : undefined;
  }

  /** Now for a customer's objects: its test clock's frozen time, or real time. */
  nowFor(customerId: unknown): number {
    const clock = this.clockOfCustomer(customerId);
    return clock ? (clock.frozen_time as number) : nowSeconds();
  }

  /** Work that falls due at `dueAt` (seconds) on a test clock; run when the clock is advanced past it. */
  onClock(clockId: string, dueAt: number, work: () => void): void {
    this.clockWork.push({ clockId, dueAt, seq: this.clockWorkSeq++, work });
  }

  /** Runs the clock's work due by `frozenTime`, oldest due first; what it leaves stays for a later advance. */
  runClock(clockId: string, frozenTime: number): number {
    const due = this.clockWork
      .filter((w) => w.clockId === clockId && w.dueAt <= frozenTime)
      .sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
    for (const item of due) {
      this.clockWork.splice(this.clockWork.indexOf(item), 1);
      item.work();
    }
    return due.length;
  }

  /** Forgets the work of a deleted clock. */
  dropClock(clockId: string): void {
    const kept = this.clockWork.filter((w) => w.clockId !== clockId);
    this.clockWork.splice(0, this.clockWork.length, ...kept);
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.clockWork.length = 0;
    this.objects.clear();
    this.instruments.clear();
    this.events.length = 0;
    this.idempotency.clear();
  }
}
