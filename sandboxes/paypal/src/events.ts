import type { Capture, Order, PaypalMoney, Refund, WebhookEvent, WebhookEventType } from '@obolus/paypal';
import { webhookEventId } from './ids';
import type { PaypalState } from './state';

const SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/** PayPal's summaries read like "Payment completed for $ 119.88 USD". */
function spoken(amount: PaypalMoney): string {
  const symbol = Object.prototype.hasOwnProperty.call(SYMBOLS, amount.currency_code) ? `${SYMBOLS[amount.currency_code]} ` : '';
  return `${symbol}${amount.value} ${amount.currency_code}`;
}

function envelope<R>(
  state: PaypalState,
  eventType: WebhookEventType,
  resourceType: string,
  summary: string,
  resource: R,
): WebhookEvent<R> {
  const id = webhookEventId();
  const self = `${state.baseUrl}/v1/notifications/webhooks-events/${id}`;
  return {
    id,
    event_version: '1.0',
    create_time: state.timestamp(),
    resource_type: resourceType,
    resource_version: '2.0',
    event_type: eventType,
    summary,
    // A snapshot: later changes to the resource must not alter an event already sent or queued.
    resource: structuredClone(resource),
    links: [
      { href: self, rel: 'self', method: 'GET' },
      { href: `${self}/resend`, rel: 'resend', method: 'POST' },
    ],
  };
}

export const orderApproved = (state: PaypalState, order: Order): WebhookEvent<Order> =>
  envelope(state, 'CHECKOUT.ORDER.APPROVED', 'checkout-order', 'An order has been approved by buyer', order);

export const captureCompleted = (state: PaypalState, capture: Capture): WebhookEvent<Capture> =>
  envelope(state, 'PAYMENT.CAPTURE.COMPLETED', 'capture', `Payment completed for ${spoken(capture.amount)}`, capture);

export const captureDenied = (state: PaypalState, capture: Capture): WebhookEvent<Capture> =>
  envelope(state, 'PAYMENT.CAPTURE.DENIED', 'capture', `Payment denied for ${spoken(capture.amount)}`, capture);

export const captureRefunded = (state: PaypalState, refund: Refund): WebhookEvent<Refund> =>
  envelope(state, 'PAYMENT.CAPTURE.REFUNDED', 'refund', `A ${spoken(refund.amount)} capture payment was refunded`, refund);
