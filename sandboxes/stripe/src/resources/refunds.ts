import type { Call } from '../call';
import { invalidRequest } from '../errors';
import { newId, nowSeconds } from '../ids';
import { listObject } from '../lists';
import { allowOnly, mergeMetadata, optionalInteger, optionalString } from '../params';
import type { RequestInfo, StripeObject } from '../state';

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'];

function money(amount: number, currency: string): string {
  return `${(amount / 100).toFixed(2)} ${currency}`;
}

function chargeToRefund(call: Call): StripeObject {
  const { state } = call;
  const paymentIntentId = optionalString(call.params, 'payment_intent');
  const chargeId = optionalString(call.params, 'charge');
  if (!paymentIntentId && !chargeId) {
    throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', {
      code: 'parameter_missing',
    });
  }
  if (chargeId) return state.get(chargeId, 'charge', 'charge');
  const pi = state.get(paymentIntentId ?? '', 'payment_intent', 'payment_intent');
  const charge = pi.latest_charge ? state.find(pi.latest_charge as string, 'charge') : undefined;
  if (!charge || pi.status !== 'succeeded') {
    throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, {
      param: 'payment_intent',
      code: 'charge_not_refundable',
    });
  }
  return charge;
}

export function createRefund(call: Call): StripeObject {
  const { state, params } = call;
  allowOnly(params, ['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'instructions_email']);
  const charge = chargeToRefund(call);
  if (charge.status !== 'succeeded') {
    throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, {
      param: 'charge',
      code: 'charge_not_refundable',
    });
  }
  const currency = charge.currency as string;
  const remaining = (charge.amount as number) - (charge.amount_refunded as number);
  if (remaining <= 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
  const amount = optionalInteger(params, 'amount') ?? remaining;
  if (amount <= 0) throw invalidRequest('Invalid positive integer', { param: 'amount', code: 'parameter_invalid_integer' });
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${money(amount, currency)}) is greater than unrefunded amount on charge (${money(remaining, currency)})`,
      {
        param: 'amount',
      },
    );
  }
  const reason = optionalString(params, 'reason') ?? null;
  if (reason !== null && !REASONS.includes(reason)) {
    throw invalidRequest(`Invalid reason: must be one of ${REASONS.join(', ')}`, { param: 'reason' });
  }
  const isCard = (charge.payment_method_details as { type: string }).type === 'card';
  const refund = state.put({
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: newId('txn'),
    charge: charge.id,
    created: nowSeconds(),
    currency,
    customer: charge.customer,
    customer_account: null,
    destination_details: isCard
      ? { card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' }, type: 'card' }
      : { type: 'sepa_debit', sepa_debit: {} },
    metadata: mergeMetadata({}, params),
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason,
    receipt_number: null,
    source_transfer_reversal: null,
    // Card refunds succeed at once in test mode; bank debits stay pending for a while.
    status: isCard ? 'succeeded' : 'pending',
    transfer_reversal: null,
  });
  charge.amount_refunded = (charge.amount_refunded as number) + amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  state.emit('refund.created', refund, call.request);
  state.emit('charge.refunded', charge, call.request);
  if (!isCard) {
    const background: RequestInfo = { requestId: null, idempotencyKey: null, apiVersion: call.request.apiVersion };
    state.later(call.asyncDelayMs, () => {
      refund.status = 'succeeded';
      state.emit('refund.updated', refund, background, { status: 'pending' });
      state.emit('charge.refund.updated', refund, background, { status: 'pending' });
    });
  }
  return refund;
}

export function retrieveRefund(call: Call): StripeObject {
  return call.state.get(call.path.id, 'refund');
}

export function updateRefund(call: Call): StripeObject {
  allowOnly(call.params, ['metadata']);
  const refund = call.state.get(call.path.id, 'refund');
  refund.metadata = mergeMetadata(refund.metadata as Record<string, string>, call.params);
  return refund;
}

export function listRefunds(call: Call): Record<string, unknown> {
  allowOnly(call.params, ['charge', 'payment_intent', 'limit', 'starting_after', 'ending_before', 'created']);
  const charge = optionalString(call.params, 'charge');
  const paymentIntent = optionalString(call.params, 'payment_intent');
  const items = call.state
    .all('refund')
    .filter(
      (r) => (charge === undefined || r.charge === charge) && (paymentIntent === undefined || r.payment_intent === paymentIntent),
    );
  return listObject(items, call.params, '/v1/refunds');
}
