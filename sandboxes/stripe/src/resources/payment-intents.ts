import type { Call } from '../call';
import { checkAmount, checkCurrency } from '../currencies';
import { docUrl, invalidRequest, missingParam, StripeApiError } from '../errors';
import { base62, newId, nowSeconds } from '../ids';
import { listObject } from '../lists';
import {
  allowOnly,
  mergeMetadata,
  nullableString,
  optionalBoolean,
  optionalInteger,
  optionalString,
  allowedPaymentMethodTypes,
  requiredString,
} from '../params';
import { clone, type RequestInfo, type StripeObject, type StripeState } from '../state';
import { addBusinessDays, AUTHENTICATION_REQUIRED, SETTLEMENT_BUSINESS_DAYS, type Decline } from '../test-instruments';
import type { Params } from '../form';
import { createCharge, settleCharge } from './charges';
import { checkMandateForDebit, MANDATED_TYPES, mandateForDebit } from './mandates';
import { attachToCustomer, cardError, inlinePaymentMethod, resolvePaymentMethod } from './payment-methods';

const CREATE_PARAMS = [
  'amount',
  'currency',
  'customer',
  'payment_method',
  'payment_method_types',
  'allowed_payment_method_types',
  'excluded_payment_method_types',
  'automatic_payment_methods',
  'off_session',
  'confirm',
  'metadata',
  'description',
  'receipt_email',
  'setup_future_usage',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'capture_method',
  'confirmation_method',
  'mandate',
  'mandate_data',
  'payment_method_options',
  'return_url',
  'error_on_requires_action',
];

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

/** The currency each bank debit takes: SEPA Direct Debit euros, ACH Direct Debit US dollars. */
const DEBIT_CURRENCIES: Record<string, string> = { sepa_debit: 'eur', us_bank_account: 'usd' };

function fitsCurrency(type: string, currency: unknown): boolean {
  return DEBIT_CURRENCIES[type] === undefined || DEBIT_CURRENCIES[type] === currency;
}

function offSessionParam(call: Call): boolean {
  const raw = optionalString(call.params, 'off_session');
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true' || raw === 'one_off' || raw === 'recurring') return true;
  throw invalidRequest(`Invalid off_session: must be one of true, false, one_off, or recurring`, { param: 'off_session' });
}

function setupFutureUsage(call: Call): string | null | undefined {
  const value = nullableString(call.params, 'setup_future_usage');
  if (value && value !== 'off_session' && value !== 'on_session') {
    throw invalidRequest('Invalid setup_future_usage: must be one of on_session or off_session', { param: 'setup_future_usage' });
  }
  return value;
}

function choosePaymentMethod(call: Call, pi: StripeObject): void {
  const reference = optionalString(call.params, 'payment_method');
  if (reference === undefined) return;
  const pm = resolvePaymentMethod(call.state, reference, 'payment_method');
  pi.payment_method = pm.id;
  if (pi.status === 'requires_payment_method') pi.status = 'requires_confirmation';
}

function applyAllowedTypes(call: Call, pi: StripeObject): void {
  const types = allowedPaymentMethodTypes(call.params, call.request.apiVersion);
  if (!types) return;
  pi.allowed_payment_method_types = types;
  pi.automatic_payment_methods = null;
  pi.payment_method_types = types.filter((t) => fitsCurrency(t, pi.currency));
}

export function createPaymentIntent(call: Call): StripeObject {
  const { params, state } = call;
  allowOnly(params, CREATE_PARAMS);
  const amount = optionalInteger(params, 'amount');
  if (amount === undefined) throw missingParam('amount');
  const currency = checkCurrency(requiredString(params, 'currency'));
  checkAmount(amount, currency);
  const customer = optionalString(params, 'customer') || null;
  if (customer) state.get(customer, 'customer', 'customer');
  const confirm = optionalBoolean(params, 'confirm') ?? false;
  const offSession = offSessionParam(call);
  if (params.off_session !== undefined && !confirm) {
    throw invalidRequest('You may only specify `off_session` when `confirm=true`.', { param: 'off_session' });
  }
  const captureMethod = optionalString(params, 'capture_method') ?? 'automatic_async';
  if (captureMethod !== 'automatic' && captureMethod !== 'automatic_async') {
    throw invalidRequest('The Obolus Stripe sandbox captures automatically only (capture_method automatic or automatic_async).', {
      param: 'capture_method',
    });
  }
  const types = allowedPaymentMethodTypes(params, call.request.apiVersion);
  const id = newId('pi');
  const pi: StripeObject = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: types ?? null,
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: types ? null : { allow_redirects: 'always', enabled: true },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: captureMethod,
    client_secret: `${id}_secret_${base62(25)}`,
    confirmation_method: optionalString(params, 'confirmation_method') ?? 'automatic',
    created: state.nowFor(customer),
    currency,
    customer,
    customer_account: null,
    description: nullableString(params, 'description') ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    mandate: null,
    metadata: mergeMetadata({}, params),
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: (types ?? ['card', 'sepa_debit', 'us_bank_account']).filter((t) => fitsCurrency(t, currency)),
    payment_record: null,
    processing: null,
    receipt_email: nullableString(params, 'receipt_email') ?? null,
    review: null,
    setup_future_usage: setupFutureUsage(call) ?? null,
    shipping: null,
    source: null,
    statement_descriptor: nullableString(params, 'statement_descriptor') ?? null,
    statement_descriptor_suffix: nullableString(params, 'statement_descriptor_suffix') ?? null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
  choosePaymentMethod(call, pi);
  if (confirm) checkConfirmation(state, pi, params);
  state.put(pi);
  state.emit('payment_intent.created', pi, call.request);
  if (confirm) confirmIntent(call, pi, offSession);
  return pi;
}

export function retrievePaymentIntent(call: Call): StripeObject {
  return call.state.get(call.path.id, 'payment_intent');
}

export function updatePaymentIntent(call: Call): StripeObject {
  allowOnly(call.params, [
    'amount',
    'allowed_payment_method_types',
    'description',
    'metadata',
    'payment_method',
    'receipt_email',
    'setup_future_usage',
    'statement_descriptor_suffix',
  ]);
  const pi = call.state.get(call.path.id, 'payment_intent');
  const touchesPayment = ['amount', 'payment_method', 'setup_future_usage'].some((k) => call.params[k] !== undefined);
  if (touchesPayment && !CONFIRMABLE.includes(pi.status as string)) {
    throw invalidRequest(`You cannot update this PaymentIntent because it has a status of ${String(pi.status)}.`, {
      code: 'payment_intent_unexpected_state',
    });
  }
  const amount = optionalInteger(call.params, 'amount');
  if (amount !== undefined) {
    checkAmount(amount, pi.currency as string);
    pi.amount = amount;
  }
  for (const field of ['description', 'receipt_email', 'statement_descriptor_suffix'] as const) {
    const value = nullableString(call.params, field);
    if (value !== undefined) pi[field] = value;
  }
  const usage = setupFutureUsage(call);
  if (usage !== undefined) pi.setup_future_usage = usage;
  pi.metadata = mergeMetadata(pi.metadata as Record<string, string>, call.params);
  applyAllowedTypes(call, pi);
  choosePaymentMethod(call, pi);
  return pi;
}

export function confirmPaymentIntent(call: Call): StripeObject {
  allowOnly(call.params, [
    'payment_method',
    'payment_method_data',
    'allowed_payment_method_types',
    'off_session',
    'receipt_email',
    'setup_future_usage',
    'mandate',
    'mandate_data',
    'payment_method_options',
    'return_url',
    'error_on_requires_action',
  ]);
  inlinePaymentMethod(call);
  const pi = call.state.get(call.path.id, 'payment_intent');
  assertConfirmable(pi);
  applyAllowedTypes(call, pi);
  choosePaymentMethod(call, pi);
  const usage = setupFutureUsage(call);
  if (usage !== undefined) pi.setup_future_usage = usage;
  checkConfirmation(call.state, pi, call.params);
  confirmIntent(call, pi, offSessionParam(call));
  return pi;
}

export function cancelPaymentIntent(call: Call): StripeObject {
  allowOnly(call.params, ['cancellation_reason']);
  const pi = call.state.get(call.path.id, 'payment_intent');
  if (![...CONFIRMABLE, 'requires_capture'].includes(pi.status as string)) {
    throw invalidRequest(
      `You cannot cancel this PaymentIntent because it has a status of ${String(pi.status)}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
      { code: 'payment_intent_unexpected_state' },
    );
  }
  pi.status = 'canceled';
  pi.canceled_at = nowSeconds();
  pi.cancellation_reason = optionalString(call.params, 'cancellation_reason') ?? null;
  pi.next_action = null;
  call.state.emit('payment_intent.canceled', pi, call.request);
  return pi;
}

export function listPaymentIntents(call: Call): Record<string, unknown> {
  allowOnly(call.params, ['customer', 'limit', 'starting_after', 'ending_before', 'created']);
  const customer = optionalString(call.params, 'customer');
  const items = call.state.all('payment_intent').filter((pi) => customer === undefined || pi.customer === customer);
  return listObject(items, call.params, '/v1/payment_intents');
}

function assertConfirmable(pi: StripeObject): void {
  if (pi.status === 'succeeded') {
    throw invalidRequest(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
      {
        code: 'payment_intent_unexpected_state',
      },
    );
  }
  if (!CONFIRMABLE.includes(pi.status as string)) {
    throw invalidRequest(
      `This PaymentIntent's status is ${String(pi.status)}, but must be one of requires_payment_method, requires_confirmation, or requires_action to be confirmed.`,
      { code: 'payment_intent_unexpected_state' },
    );
  }
}

/** What Stripe checks before it tries a payment; failing any is a 400 that changes nothing. */
function checkConfirmation(state: StripeState, pi: StripeObject, params?: Params): StripeObject {
  if (!pi.payment_method) {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      { code: 'payment_intent_unexpected_state' },
    );
  }
  const pm = state.get(pi.payment_method as string, 'payment_method', 'payment_method');
  if (!(pi.payment_method_types as string[]).includes(pm.type as string)) {
    throw invalidRequest(
      `The PaymentMethod provided (${String(pm.type)}) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: ${(pi.payment_method_types as string[]).join(', ')}.`,
      { param: 'payment_method', code: 'payment_intent_invalid_parameter' },
    );
  }
  if (pm.customer && pm.customer !== pi.customer) {
    throw invalidRequest(
      pi.customer
        ? 'The provided PaymentMethod belongs to a different Customer than the one on this PaymentIntent.'
        : 'The provided PaymentMethod is attached to a Customer. To use it, you must also pass the Customer ID in the `customer` parameter.',
      { param: 'payment_method', code: 'payment_intent_invalid_parameter' },
    );
  }
  if (!fitsCurrency(pm.type as string, pi.currency)) {
    throw invalidRequest(
      `The currency provided (${String(pi.currency)}) is invalid. Payments with ${String(pm.type)} support the following currencies: ${DEBIT_CURRENCIES[pm.type as string]}.`,
      {
        param: 'currency',
        code: 'payment_intent_invalid_parameter',
      },
    );
  }
  if (params && MANDATED_TYPES.includes(pm.type as string)) checkMandateForDebit(state, params, pm);
  return pm;
}

/**
 * One confirmation: charges the PaymentMethod, or asks for 3D Secure, or leaves a SEPA debit
 * processing. A decline leaves the intent in requires_payment_method and answers 402, as Stripe does.
 */
function confirmIntent(call: Call, pi: StripeObject, offSession: boolean): void {
  const { state } = call;
  const pm = checkConfirmation(state, pi);
  pi.last_payment_error = null;
  pi.next_action = null;
  const instrument = state.instruments.get(pm.id) ?? { authenticated: false };
  if (instrument.iban || instrument.bankAccount) return startDebit(call, pi, pm);
  const card = instrument.card;
  if (!card) throw new Error(`PaymentMethod ${pm.id} has no test instrument`);
  const needsAuthentication = card.authentication === 'always' || (card.authentication === 'setup' && !instrument.authenticated);
  if (needsAuthentication && offSession) return decline(call, pi, pm, AUTHENTICATION_REQUIRED);
  if (needsAuthentication) {
    pi.status = 'requires_action';
    pi.next_action = {
      type: 'use_stripe_sdk',
      use_stripe_sdk: {
        type: 'three_d_secure_redirect',
        source: newId('src'),
        stripe_js: `https://hooks.stripe.com/3d_secure_2/hosted?payment_intent=${pi.id}`,
      },
    };
    state.emit('payment_intent.requires_action', pi, call.request);
    return;
  }
  if (card.decline) return decline(call, pi, pm, card.decline);
  succeed(state, call.request, pi, pm, createCharge(state, pi, pm, { status: 'succeeded' }));
}

function succeed(state: StripeState, request: RequestInfo, pi: StripeObject, pm: StripeObject, charge: StripeObject): void {
  pi.status = 'succeeded';
  pi.amount_received = pi.amount;
  pi.latest_charge = charge.id;
  pi.processing = null;
  if (pi.setup_future_usage && pi.customer) {
    attachToCustomer(state, pm, pi.customer as string, request);
    const instrument = state.instruments.get(pm.id);
    if (instrument) instrument.authenticated = true;
  }
  state.emit('charge.succeeded', charge, request);
  state.emit('payment_intent.succeeded', pi, request);
}

function paymentError(pm: StripeObject, charge: StripeObject | null, decline: Decline): Record<string, unknown> {
  const error: Record<string, unknown> = {
    code: decline.code,
    decline_code: decline.decline_code,
    doc_url: docUrl(decline.code),
    message: decline.message,
    payment_method: clone(pm),
    type: 'card_error',
  };
  if (charge) error.charge = charge.id;
  if (decline.param) error.param = decline.param;
  return error;
}

function fail(
  state: StripeState,
  request: RequestInfo,
  pi: StripeObject,
  pm: StripeObject,
  charge: StripeObject | null,
  decline: Decline,
): void {
  pi.status = 'requires_payment_method';
  pi.last_payment_error = paymentError(pm, charge, decline);
  pi.payment_method = null;
  pi.processing = null;
  if (charge) {
    pi.latest_charge = charge.id;
    state.emit('charge.failed', charge, request);
  }
  state.emit('payment_intent.payment_failed', pi, request);
}

function decline(call: Call, pi: StripeObject, pm: StripeObject, reason: Decline): never {
  const charge = createCharge(call.state, pi, pm, { status: 'failed', decline: reason });
  fail(call.state, call.request, pi, pm, charge, reason);
  throw cardError(reason, {
    charge: charge.id,
    payment_intent: clone(pi),
    payment_method: clone(pm),
    request_log_url: `https://dashboard.stripe.com/test/logs/${call.request.requestId}?t=${nowSeconds()}`,
  });
}

/**
 * Bank debits (SEPA, ACH) answer `processing` under the customer's mandate and settle later, with their
 * own events and no request: for a customer on a test clock, when the clock is advanced past the
 * settlement time (3 business days for SEPA, 4 for ACH); otherwise after `asyncDelayMs` of real time.
 */
function startDebit(call: Call, pi: StripeObject, pm: StripeObject): void {
  const { state } = call;
  const startedAt = state.nowFor(pi.customer);
  pi.mandate = mandateForDebit(state, call.params, pm, startedAt).id;
  const charge = createCharge(state, pi, pm, { status: 'pending' });
  pi.status = 'processing';
  pi.latest_charge = charge.id;
  state.emit('charge.pending', charge, call.request);
  state.emit('payment_intent.processing', pi, call.request);
  const background: RequestInfo = { requestId: null, idempotencyKey: null, apiVersion: call.request.apiVersion };
  const instrument = state.instruments.get(pm.id);
  const failure = instrument?.iban?.failure ?? instrument?.bankAccount?.failure;
  const settle = () => {
    if (pi.status !== 'processing') return;
    if (failure) {
      const reason: Decline = { code: failure.code, decline_code: failure.code, message: failure.message };
      settleCharge(charge, { status: 'failed', decline: reason });
      fail(state, background, pi, pm, charge, reason);
    } else {
      settleCharge(charge, { status: 'succeeded' });
      succeed(state, background, pi, pm, charge);
    }
  };
  const clock = state.clockOfCustomer(pi.customer);
  if (clock) state.onClock(clock.id, addBusinessDays(startedAt, SETTLEMENT_BUSINESS_DAYS[pm.type as string] ?? 3), settle);
  else state.later(call.asyncDelayMs, settle);
}

/** Sandbox control: the customer completes (or fails) the 3D Secure step of a PaymentIntent. */
export function authenticatePaymentIntent(call: Call): StripeObject {
  const { state } = call;
  const pi = state.get(call.path.id, 'payment_intent');
  if (pi.status !== 'requires_action') {
    throw invalidRequest(`This PaymentIntent's status is ${String(pi.status)}; only requires_action can be authenticated.`, {
      code: 'payment_intent_unexpected_state',
    });
  }
  const pm = state.get(pi.payment_method as string, 'payment_method');
  pi.next_action = null;
  if (optionalString(call.params, 'outcome') === 'fail') {
    pi.status = 'requires_payment_method';
    pi.payment_method = null;
    pi.last_payment_error = {
      code: 'payment_intent_authentication_failure',
      doc_url: docUrl('payment_intent_authentication_failure'),
      message:
        'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
      payment_method: clone(pm),
      type: 'invalid_request_error',
    };
    state.emit('payment_intent.payment_failed', pi, call.request);
    return pi;
  }
  const instrument = state.instruments.get(pm.id);
  if (instrument) instrument.authenticated = true;
  const card = instrument?.card;
  if (card?.decline) {
    try {
      decline(call, pi, pm, card.decline);
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
    }
    return pi;
  }
  succeed(state, call.request, pi, pm, createCharge(state, pi, pm, { status: 'succeeded' }));
  return pi;
}
