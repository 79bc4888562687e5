import type { Capture, Refund } from '@obolus/paypal';
import { paypalFee, paypalMoney, readAmount } from './amount';
import { invalidRequest, notFound, unprocessable } from './errors';
import { captureRefunded } from './events';
import { resourceId } from './ids';
import type { CaptureRecord, PaypalState } from './state';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function findCapture(state: PaypalState, id: string): CaptureRecord {
  const record = state.captures.get(id);
  if (!record) throw notFound('capture_id', id);
  return record;
}

export function findRefund(state: PaypalState, id: string): Refund {
  const record = state.refunds.get(id);
  if (!record) throw notFound('refund_id', id);
  return record.refund;
}

const minorOf = (capture: Capture): number => readAmount(capture.amount, '/amount').minor;

function refundedSoFar(record: CaptureRecord): number {
  return record.refunds.reduce((sum, r) => sum + readAmount(r.amount, '/amount').minor, 0);
}

function optionalText(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.length >= 1 && value.length <= max) return value;
  throw invalidRequest({
    field,
    location: 'body',
    issue: 'INVALID_STRING_LENGTH',
    description: 'The value of a field is either too short or too long.',
  });
}

/**
 * POST /v2/payments/captures/{id}/refund: the whole remainder when no amount is given, else that part of it;
 * never more than is left (REFUND_AMOUNT_EXCEEDED), never of a declined or fully refunded capture.
 */
export function refundCapture(state: PaypalState, captureId: string, body: unknown): Refund {
  const record = findCapture(state, captureId);
  const { capture } = record;
  const request = isRecord(body) ? body : {};
  if (capture.status === 'REFUNDED') {
    throw unprocessable({ issue: 'CAPTURE_FULLY_REFUNDED', description: 'The capture has already been fully refunded' });
  }
  if (capture.status !== 'COMPLETED' && capture.status !== 'PARTIALLY_REFUNDED') {
    throw unprocessable({ issue: 'REFUND_NOT_ALLOWED', description: `A ${capture.status} capture cannot be refunded.` });
  }
  const captured = minorOf(capture);
  const left = captured - refundedSoFar(record);
  const currency = capture.amount.currency_code;
  let minor = left;
  if (request.amount !== undefined) {
    const asked = readAmount(request.amount, '/amount');
    if (asked.currency !== currency) {
      throw unprocessable({
        field: '/amount/currency_code',
        value: asked.currency,
        location: 'body',
        issue: 'REFUND_CAPTURE_CURRENCY_MISMATCH',
        description: 'Refund must be in the same currency as the capture.',
      });
    }
    if (asked.minor > left) {
      throw unprocessable({
        field: '/amount/value',
        value: paypalMoney(asked.minor, currency).value,
        location: 'body',
        issue: 'REFUND_AMOUNT_EXCEEDED',
        description: 'The refund amount must be less than or equal to the capture amount that has not yet been refunded.',
      });
    }
    minor = asked.minor;
  }
  const id = resourceId();
  const now = state.timestamp();
  // PayPal keeps the fixed part of its fee and gives back the percentage, in proportion.
  const captureFee = paypalFee(captured, currency) - paypalFee(0, currency);
  const fee = Math.round((captureFee * minor) / captured);
  const refund: Refund = {
    id,
    status: 'COMPLETED',
    amount: paypalMoney(minor, currency),
    invoice_id: optionalText(request.invoice_id, '/invoice_id', 127) ?? capture.invoice_id,
    custom_id: optionalText(request.custom_id, '/custom_id', 127) ?? capture.custom_id,
    note_to_payer: optionalText(request.note_to_payer, '/note_to_payer', 255),
    seller_payable_breakdown: {
      gross_amount: paypalMoney(minor, currency),
      paypal_fee: paypalMoney(fee, currency),
      net_amount: paypalMoney(minor - fee, currency),
      total_refunded_amount: paypalMoney(captured - left + minor, currency),
    },
    links: [
      { href: `${state.baseUrl}/v2/payments/refunds/${id}`, rel: 'self', method: 'GET' },
      { href: `${state.baseUrl}/v2/payments/captures/${captureId}`, rel: 'up', method: 'GET' },
    ],
    create_time: now,
    update_time: now,
  };
  record.refunds.push(refund);
  state.refunds.set(id, { refund, captureId });
  capture.status = minor === left ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  capture.update_time = now;
  const order = state.orders.get(record.orderId)?.order;
  const payments = order?.purchase_units[0].payments;
  if (payments) payments.refunds = record.refunds;
  state.emit(captureRefunded(state, refund));
  return refund;
}
