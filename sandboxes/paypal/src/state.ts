import type { Capture, Order, Refund, WebhookEvent } from '@obolus/paypal';

/** Where the payer is sent back to, from payment_source.paypal.experience_context or application_context. */
export interface Experience {
  returnUrl: string | undefined;
  cancelUrl: string | undefined;
}

export interface OrderRecord {
  order: Order;
  experience: Experience;
  /** Made with payment_source.paypal (PAYER_ACTION_REQUIRED, `payer-action`) rather than application_context. */
  viaPaymentSource: boolean;
}

export interface CaptureRecord {
  capture: Capture;
  orderId: string;
  refunds: Refund[];
}

/** An answer kept for a PayPal-Request-Id, replayed as it was. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

export interface TokenRecord {
  clientId: string;
  expiresAt: number;
}

/** Everything the sandbox knows; forgotten on reset. */
export class PaypalState {
  readonly orders = new Map<string, OrderRecord>();
  readonly captures = new Map<string, CaptureRecord>();
  readonly refunds = new Map<string, { refund: Refund; captureId: string }>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly answers = new Map<string, StoredAnswer>();

  /** The base URL links point at (the sandbox itself), known once it listens. */
  baseUrl = '';

  constructor(
    /** Called with each webhook event once the change it reports is made. */
    readonly emit: (event: WebhookEvent) => void,
    readonly now: () => Date = () => new Date(),
  ) {}

  clear(): void {
    this.orders.clear();
    this.captures.clear();
    this.refunds.clear();
    this.tokens.clear();
    this.answers.clear();
  }

  /** PayPal writes times to the second: `2026-11-27T20:41:07Z`. */
  timestamp(): string {
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  }
}
