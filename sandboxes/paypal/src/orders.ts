import type { Capture, CreateOrderRequest, Order, PaypalLink } from '@obolus/paypal';
import { paypalFee, paypalMoney, readAmount } from './amount';
import { invalidRequest, notFound, unprocessable } from './errors';
import { captureCompleted, captureDenied, orderApproved } from './events';
import { payerId, resourceId } from './ids';
import type { Experience, OrderRecord, PaypalState } from './state';
import { captureOutcome } from './test-values';

const ISSUE = {
  notApproved: {
    issue: 'ORDER_NOT_APPROVED',
    description:
      "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid `payment_source` in the request.",
  },
  alreadyCaptured: {
    issue: 'ORDER_ALREADY_CAPTURED',
    description: "Order already captured.If 'intent=CAPTURE' only one capture per order is allowed.",
  },
  instrumentDeclined: {
    issue: 'INSTRUMENT_DECLINED',
    description: "The instrument presented  was either declined by the processor or bank, or it can't be used for this payment.",
  },
  duplicateInvoice: {
    issue: 'DUPLICATE_INVOICE_ID',
    description:
      'Duplicate Invoice ID detected. To avoid a potential duplicate transaction your account setting requires that Invoice ID be unique for each transaction.',
  },
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function missing(field: string): never {
  throw invalidRequest({
    field,
    location: 'body',
    issue: 'MISSING_REQUIRED_PARAMETER',
    description: 'A required field / parameter is missing.',
  });
}

function optionalText(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length < 1 || value.length > max) {
    throw invalidRequest({
      field,
      location: 'body',
      issue: 'INVALID_STRING_LENGTH',
      description: 'The value of a field is either too short or too long.',
    });
  }
  return value;
}

function optionalUrl(value: unknown, field: string): string | undefined {
  const text = optionalText(value, field, 4000);
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return text;
  } catch {
    // answered below
  }
  throw invalidRequest({
    field,
    value: text,
    location: 'body',
    issue: 'INVALID_PARAMETER_SYNTAX',
    description: 'The value of a field does not conform to the expected format.',
  });
}

function readExperience(body: Record<string, unknown>): { experience: Experience; viaPaymentSource: boolean } {
  const source = isRecord(body.payment_source) && isRecord(body.payment_source.paypal) ? body.payment_source.paypal : undefined;
  const context = source && isRecord(source.experience_context) ? source.experience_context : undefined;
  const prefix = context ? '/payment_source/paypal/experience_context' : '/application_context';
  const chosen = context ?? (isRecord(body.application_context) ? body.application_context : {});
  return {
    experience: {
      returnUrl: optionalUrl(chosen.return_url, `${prefix}/return_url`),
      cancelUrl: optionalUrl(chosen.cancel_url, `${prefix}/cancel_url`),
    },
    viaPaymentSource: source !== undefined,
  };
}

function orderLinks(state: PaypalState, id: string, viaPaymentSource: boolean): PaypalLink[] {
  const self = `${state.baseUrl}/v2/checkout/orders/${id}`;
  const approve = `${state.baseUrl}/checkoutnow?token=${id}`;
  if (viaPaymentSource) {
    return [
      { href: self, rel: 'self', method: 'GET' },
      { href: approve, rel: 'payer-action', method: 'GET' },
    ];
  }
  return [
    { href: self, rel: 'self', method: 'GET' },
    { href: approve, rel: 'approve', method: 'GET' },
    { href: self, rel: 'update', method: 'PATCH' },
    { href: `${self}/capture`, rel: 'capture', method: 'POST' },
  ];
}

/**
 * POST /v2/checkout/orders. An order made with payment_source.paypal waits in PAYER_ACTION_REQUIRED behind a
 * `payer-action` link, one made with application_context (or neither) in CREATED behind `approve`, as PayPal
 * answers. One purchase unit and intent CAPTURE only: that is all Obolus sends.
 */
export function createOrder(state: PaypalState, body: unknown): Order {
  if (!isRecord(body)) missing('/intent');
  if (body.intent === undefined) missing('/intent');
  if (body.intent !== 'CAPTURE') {
    throw invalidRequest({
      field: '/intent',
      value: String(body.intent),
      location: 'body',
      issue: 'INVALID_PARAMETER_VALUE',
      description: 'The value of a field is invalid. The Obolus PayPal sandbox takes intent CAPTURE only.',
    });
  }
  if (!Array.isArray(body.purchase_units) || body.purchase_units.length === 0) missing('/purchase_units');
  if (body.purchase_units.length > 1) {
    throw invalidRequest({
      field: '/purchase_units',
      location: 'body',
      issue: 'INVALID_ARRAY_MAX_ITEMS',
      description: 'The number of items in an array parameter is too large. The Obolus PayPal sandbox takes one purchase unit.',
    });
  }
  const unit: unknown = body.purchase_units[0];
  if (!isRecord(unit)) missing('/purchase_units/0/amount');
  const amount = readAmount(unit.amount, '/purchase_units/0/amount');
  const request = body as unknown as CreateOrderRequest;
  const { experience, viaPaymentSource } = readExperience(body);
  const id = resourceId();
  const now = state.timestamp();
  const order: Order = {
    id,
    intent: 'CAPTURE',
    status: viaPaymentSource ? 'PAYER_ACTION_REQUIRED' : 'CREATED',
    purchase_units: [
      {
        reference_id: optionalText(unit.reference_id, '/purchase_units/0/reference_id', 256) ?? 'default',
        description: optionalText(unit.description, '/purchase_units/0/description', 127),
        custom_id: optionalText(unit.custom_id, '/purchase_units/0/custom_id', 127),
        invoice_id: optionalText(unit.invoice_id, '/purchase_units/0/invoice_id', 127),
        amount: paypalMoney(amount.minor, amount.currency),
        payee: { email_address: 'merchant@obolus.test', merchant_id: 'OBOLUSMERCHANT' },
      },
    ],
    links: orderLinks(state, id, viaPaymentSource),
    create_time: now,
  };
  if (viaPaymentSource) {
    const email = request.payment_source?.paypal?.email_address;
    order.payment_source = { paypal: email ? { email_address: email } : {} };
  }
  state.orders.set(id, { order, experience, viaPaymentSource });
  return order;
}

export function findOrder(state: PaypalState, id: string): OrderRecord {
  const record = state.orders.get(id);
  if (!record) throw notFound('order_id', id);
  return record;
}

export interface PayerDetails {
  email?: string;
  givenName?: string;
  surname?: string;
}

/** What the payer's approval on PayPal's page does: the order becomes APPROVED, with its payer. */
export function approveOrder(state: PaypalState, id: string, details: PayerDetails = {}): OrderRecord {
  const record = findOrder(state, id);
  const { order } = record;
  if (order.status === 'APPROVED') return record;
  if (order.status !== 'CREATED' && order.status !== 'PAYER_ACTION_REQUIRED') {
    throw unprocessable({
      issue: 'ORDER_ALREADY_COMPLETED',
      description: `The order is ${order.status} and cannot be approved again.`,
    });
  }
  const email = details.email?.trim() || order.payment_source?.paypal?.email_address || 'buyer@example.com';
  const name = { given_name: details.givenName?.trim() || 'Sandbox', surname: details.surname?.trim() || 'Buyer' };
  const accountId = payerId();
  order.status = 'APPROVED';
  order.update_time = state.timestamp();
  order.payer = { payer_id: accountId, email_address: email, name, address: { country_code: 'US' } };
  order.payment_source = {
    paypal: { email_address: email, account_id: accountId, account_status: 'VERIFIED', name, address: { country_code: 'US' } },
  };
  order.links = [
    { href: `${state.baseUrl}/v2/checkout/orders/${id}`, rel: 'self', method: 'GET' },
    { href: `${state.baseUrl}/v2/checkout/orders/${id}`, rel: 'update', method: 'PATCH' },
    { href: `${state.baseUrl}/v2/checkout/orders/${id}/capture`, rel: 'capture', method: 'POST' },
  ];
  state.emit(orderApproved(state, order));
  return record;
}

/** Back to the state before approval, after a declined instrument: the payer must choose again. */
function requireApprovalAgain(state: PaypalState, record: OrderRecord): PaypalLink {
  const { order } = record;
  order.status = record.viaPaymentSource ? 'PAYER_ACTION_REQUIRED' : 'CREATED';
  delete order.payer;
  if (record.viaPaymentSource) order.payment_source = { paypal: {} };
  else delete order.payment_source;
  order.links = orderLinks(state, order.id, record.viaPaymentSource);
  const approval = order.links.find((l) => l.rel === 'payer-action' || l.rel === 'approve') as PaypalLink;
  return { href: approval.href, rel: 'redirect', method: 'GET' };
}

/**
 * POST /v2/checkout/orders/{id}/capture. Refused before approval (ORDER_NOT_APPROVED) and after a capture
 * (ORDER_ALREADY_CAPTURED); the payer's e-mail can make it decline (see test-values.ts).
 */
export function captureOrder(state: PaypalState, id: string): Order {
  const record = findOrder(state, id);
  const { order } = record;
  if (order.status === 'COMPLETED') throw unprocessable(ISSUE.alreadyCaptured);
  if (order.status !== 'APPROVED') throw unprocessable(ISSUE.notApproved);
  const unit = order.purchase_units[0];
  if (unit.invoice_id !== undefined) {
    for (const other of state.captures.values()) {
      if (other.capture.invoice_id === unit.invoice_id && other.capture.status !== 'DECLINED')
        throw unprocessable(ISSUE.duplicateInvoice);
    }
  }
  const outcome = captureOutcome(order.payer?.email_address);
  if (outcome === 'instrument-declined') {
    throw unprocessable(ISSUE.instrumentDeclined, [requireApprovalAgain(state, record)]);
  }
  const captureId = resourceId();
  const now = state.timestamp();
  const gross = unit.amount;
  const capture: Capture = {
    id: captureId,
    status: outcome === 'capture-declined' ? 'DECLINED' : 'COMPLETED',
    amount: gross,
    invoice_id: unit.invoice_id,
    custom_id: unit.custom_id,
    final_capture: true,
    seller_protection: { status: 'ELIGIBLE', dispute_categories: ['ITEM_NOT_RECEIVED', 'UNAUTHORIZED_TRANSACTION'] },
    supplementary_data: { related_ids: { order_id: id } },
    links: [
      { href: `${state.baseUrl}/v2/payments/captures/${captureId}`, rel: 'self', method: 'GET' },
      { href: `${state.baseUrl}/v2/payments/captures/${captureId}/refund`, rel: 'refund', method: 'POST' },
      { href: `${state.baseUrl}/v2/checkout/orders/${id}`, rel: 'up', method: 'GET' },
    ],
    create_time: now,
    update_time: now,
  };
  if (capture.status === 'COMPLETED') {
    const { currency_code: currency } = gross;
    const grossMinor = readAmount(gross, '/amount').minor;
    const fee = paypalFee(grossMinor, currency);
    capture.seller_receivable_breakdown = {
      gross_amount: gross,
      paypal_fee: paypalMoney(fee, currency),
      net_amount: paypalMoney(grossMinor - fee, currency),
    };
  }
  state.captures.set(captureId, { capture, orderId: id, refunds: [] });
  order.status = 'COMPLETED';
  order.update_time = now;
  unit.payments = { captures: [capture] };
  order.links = [{ href: `${state.baseUrl}/v2/checkout/orders/${id}`, rel: 'self', method: 'GET' }];
  state.emit(capture.status === 'COMPLETED' ? captureCompleted(state, capture) : captureDenied(state, capture));
  return order;
}
