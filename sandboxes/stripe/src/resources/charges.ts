import type { Call } from '../call';
import { newId } from '../ids';
import { listObject } from '../lists';
import { allowOnly, optionalString } from '../params';
import type { StripeObject, StripeState } from '../state';
import type { Decline } from '../test-instruments';

export type ChargeResult = { status: 'succeeded' } | { status: 'pending' } | { status: 'failed'; decline: Decline };

function outcome(result: ChargeResult): Record<string, unknown> {
  if (result.status === 'failed') {
    return {
      network_status: 'declined_by_network',
      reason: result.decline.decline_code,
      risk_level: 'normal',
      risk_score: 20,
      seller_message: 'The bank did not return any further details with this decline.',
      type: 'issuer_declined',
    };
  }
  return {
    network_status: 'approved_by_network',
    reason: null,
    risk_level: result.status === 'pending' ? 'not_assessed' : 'normal',
    risk_score: 20,
    seller_message: 'Payment complete.',
    type: 'authorized',
  };
}

function paymentMethodDetails(pm: StripeObject, mandate: unknown): Record<string, unknown> {
  if (pm.type === 'us_bank_account') {
    const bank = pm.us_bank_account as Record<string, unknown>;
    return {
      type: 'us_bank_account',
      us_bank_account: {
        account_holder_type: bank.account_holder_type,
        account_type: bank.account_type,
        bank_name: bank.bank_name,
        fingerprint: bank.fingerprint,
        last4: bank.last4,
        mandate: typeof mandate === 'string' ? mandate : null,
        payment_reference: null,
        routing_number: bank.routing_number,
      },
    };
  }
  if (pm.type === 'sepa_debit') {
    const sepa = pm.sepa_debit as Record<string, unknown>;
    return {
      sepa_debit: {
        bank_code: sepa.bank_code,
        branch_code: sepa.branch_code,
        country: sepa.country,
        fingerprint: sepa.fingerprint,
        last4: sepa.last4,
        mandate: typeof mandate === 'string' ? mandate : newId('mandate'),
      },
      type: 'sepa_debit',
    };
  }
  const card = pm.card as Record<string, unknown>;
  return {
    card: {
      amount_authorized: null,
      brand: card.brand,
      checks: card.checks,
      country: card.country,
      exp_month: card.exp_month,
      exp_year: card.exp_year,
      fingerprint: card.fingerprint,
      funding: card.funding,
      last4: card.last4,
      network: card.brand,
      three_d_secure: null,
      wallet: null,
    },
    type: 'card',
  };
}

/** The charge behind one confirmation attempt of a PaymentIntent. */
export function createCharge(state: StripeState, pi: StripeObject, pm: StripeObject, result: ChargeResult): StripeObject {
  const succeeded = result.status === 'succeeded';
  return state.put({
    id: newId('ch'),
    object: 'charge',
    amount: pi.amount,
    amount_captured: succeeded ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: succeeded ? newId('txn') : null,
    billing_details: pm.billing_details,
    calculated_statement_descriptor: 'OBOLUS',
    captured: result.status !== 'failed',
    created: state.nowFor(pi.customer),
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: result.status === 'failed' ? result.decline.code : null,
    failure_message: result.status === 'failed' ? result.decline.message : null,
    fraud_details: {},
    livemode: false,
    metadata: { ...(pi.metadata as Record<string, string>) },
    on_behalf_of: null,
    outcome: outcome(result),
    paid: succeeded,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: paymentMethodDetails(pm, pi.mandate),
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status: result.status,
    transfer_data: null,
    transfer_group: null,
  });
}

/** A pending (SEPA) charge reaching its final state. */
export function settleCharge(charge: StripeObject, result: ChargeResult): void {
  const succeeded = result.status === 'succeeded';
  charge.status = result.status;
  charge.paid = succeeded;
  charge.amount_captured = succeeded ? charge.amount : 0;
  charge.captured = succeeded;
  charge.balance_transaction = succeeded ? newId('txn') : null;
  charge.outcome = outcome(result);
  if (result.status === 'failed') {
    charge.failure_code = result.decline.code;
    charge.failure_message = result.decline.message;
  }
}

export function retrieveCharge(call: Call): StripeObject {
  return call.state.get(call.path.id, 'charge');
}

export function listCharges(call: Call): Record<string, unknown> {
  allowOnly(call.params, ['customer', 'payment_intent', 'limit', 'starting_after', 'ending_before', 'created']);
  const customer = optionalString(call.params, 'customer');
  const paymentIntent = optionalString(call.params, 'payment_intent');
  const items = call.state
    .all('charge')
    .filter(
      (c) =>
        (customer === undefined || c.customer === customer) &&
        (paymentIntent === undefined || c.payment_intent === paymentIntent),
    );
  return listObject(items, call.params, '/v1/charges');
}
