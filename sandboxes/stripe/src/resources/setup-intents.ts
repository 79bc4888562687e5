import type { Call } from '../call';
import { docUrl, invalidRequest } from '../errors';
import { base62, newId } from '../ids';
import { listObject } from '../lists';
import { allowedPaymentMethodTypes, allowOnly, mergeMetadata, nullableString, optionalBoolean, optionalString } from '../params';
import { clone, type StripeObject } from '../state';
import { checkMandateData, createMandate, MANDATED_TYPES } from './mandates';
import { attachToCustomer, cardError, inlinePaymentMethod, resolvePaymentMethod } from './payment-methods';

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

function choosePaymentMethod(call: Call, si: StripeObject): void {
  const reference = optionalString(call.params, 'payment_method');
  if (reference === undefined) return;
  si.payment_method = resolvePaymentMethod(call.state, reference, 'payment_method').id;
  if (si.status === 'requires_payment_method') si.status = 'requires_confirmation';
}

export function createSetupIntent(call: Call): StripeObject {
  const { params, state } = call;
  allowOnly(params, [
    'customer',
    'payment_method',
    'payment_method_types',
    'allowed_payment_method_types',
    'excluded_payment_method_types',
    'automatic_payment_methods',
    'confirm',
    'usage',
    'metadata',
    'description',
    'mandate_data',
    'payment_method_options',
    'return_url',
  ]);
  const customer = optionalString(params, 'customer') || null;
  if (customer) state.get(customer, 'customer', 'customer');
  if (params.mandate_data !== undefined && optionalBoolean(params, 'confirm') !== true) {
    throw invalidRequest('You can only specify `mandate_data` when `confirm=true`.', { param: 'mandate_data' });
  }
  const usage = optionalString(params, 'usage') ?? 'off_session';
  if (usage !== 'off_session' && usage !== 'on_session')
    throw invalidRequest('Invalid usage: must be one of on_session or off_session', { param: 'usage' });
  const types = allowedPaymentMethodTypes(params, call.request.apiVersion);
  const id = newId('seti');
  const si: StripeObject = {
    id,
    object: 'setup_intent',
    allowed_payment_method_types: types ?? null,
    application: null,
    automatic_payment_methods: types ? null : { allow_redirects: 'always', enabled: true },
    cancellation_reason: null,
    client_secret: `${id}_secret_${base62(25)}`,
    created: state.nowFor(customer),
    customer,
    customer_account: null,
    description: nullableString(params, 'description') ?? null,
    excluded_payment_method_types: null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: mergeMetadata({}, params),
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
    payment_method_types: types ?? ['card', 'sepa_debit'],
    single_use_mandate: null,
    status: 'requires_payment_method',
    usage,
  };
  choosePaymentMethod(call, si);
  state.put(si);
  state.emit('setup_intent.created', si, call.request);
  if (optionalBoolean(params, 'confirm')) confirm(call, si);
  return si;
}

export function retrieveSetupIntent(call: Call): StripeObject {
  return call.state.get(call.path.id, 'setup_intent');
}

export function updateSetupIntent(call: Call): StripeObject {
  allowOnly(call.params, [
    'customer',
    'description',
    'metadata',
    'payment_method',
    'payment_method_types',
    'allowed_payment_method_types',
  ]);
  const si = call.state.get(call.path.id, 'setup_intent');
  const customer = optionalString(call.params, 'customer');
  if (customer) si.customer = call.state.get(customer, 'customer', 'customer').id;
  const description = nullableString(call.params, 'description');
  if (description !== undefined) si.description = description;
  const types = allowedPaymentMethodTypes(call.params, call.request.apiVersion);
  if (types) {
    si.allowed_payment_method_types = types;
    si.automatic_payment_methods = null;
    si.payment_method_types = types;
  }
  si.metadata = mergeMetadata(si.metadata as Record<string, string>, call.params);
  choosePaymentMethod(call, si);
  return si;
}

export function confirmSetupIntent(call: Call): StripeObject {
  allowOnly(call.params, [
    'payment_method',
    'payment_method_data',
    'allowed_payment_method_types',
    'mandate_data',
    'payment_method_options',
    'return_url',
    'use_stripe_sdk',
  ]);
  inlinePaymentMethod(call);
  const si = call.state.get(call.path.id, 'setup_intent');
  if (!CONFIRMABLE.includes(si.status as string)) {
    throw invalidRequest(
      si.status === 'succeeded'
        ? 'You cannot confirm this SetupIntent because it has already succeeded.'
        : `You cannot confirm this SetupIntent because it has a status of ${String(si.status)}.`,
      { code: 'setup_intent_unexpected_state' },
    );
  }
  choosePaymentMethod(call, si);
  confirm(call, si);
  return si;
}

export function cancelSetupIntent(call: Call): StripeObject {
  allowOnly(call.params, ['cancellation_reason']);
  const si = call.state.get(call.path.id, 'setup_intent');
  if (!CONFIRMABLE.includes(si.status as string)) {
    throw invalidRequest(`You cannot cancel this SetupIntent because it has a status of ${String(si.status)}.`, {
      code: 'setup_intent_unexpected_state',
    });
  }
  si.status = 'canceled';
  si.cancellation_reason = optionalString(call.params, 'cancellation_reason') ?? null;
  si.next_action = null;
  call.state.emit('setup_intent.canceled', si, call.request);
  return si;
}

export function listSetupIntents(call: Call): Record<string, unknown> {
  allowOnly(call.params, ['customer', 'payment_method', 'limit', 'starting_after', 'ending_before', 'created']);
  const customer = optionalString(call.params, 'customer');
  const pm = optionalString(call.params, 'payment_method');
  const items = call.state
    .all('setup_intent')
    .filter((si) => (customer === undefined || si.customer === customer) && (pm === undefined || si.payment_method === pm));
  return listObject(items, call.params, '/v1/setup_intents');
}

function succeed(call: Call, si: StripeObject, pm: StripeObject): void {
  const instrument = call.state.instruments.get(pm.id);
  if (instrument) instrument.authenticated = true;
  si.status = 'succeeded';
  si.next_action = null;
  si.latest_attempt = newId('setatt');
  // A bank debit's SetupIntent collects the customer's mandate (checked in confirm, before anything changed).
  if (MANDATED_TYPES.includes(pm.type as string)) {
    si.mandate = createMandate(call.state, call.params, pm, call.state.nowFor(si.customer)).id;
  }
  if (si.customer) attachToCustomer(call.state, pm, si.customer as string, call.request);
  call.state.emit('setup_intent.succeeded', si, call.request);
}

/** Checks the PaymentMethod with its issuer; succeeded attaches it to the customer for later off-session use. */
function confirm(call: Call, si: StripeObject): void {
  const { state } = call;
  if (!si.payment_method) {
    throw invalidRequest(
      "You cannot confirm this SetupIntent because it's missing a payment method. Update the SetupIntent with a payment method and then confirm it again.",
      { code: 'setup_intent_unexpected_state' },
    );
  }
  const pm = state.get(si.payment_method as string, 'payment_method', 'payment_method');
  if (!(si.payment_method_types as string[]).includes(pm.type as string)) {
    throw invalidRequest(`The PaymentMethod provided (${String(pm.type)}) is not allowed for this SetupIntent.`, {
      param: 'payment_method',
      code: 'setup_intent_invalid_parameter',
    });
  }
  if (pm.customer && si.customer && pm.customer !== si.customer) {
    throw invalidRequest('The provided PaymentMethod belongs to a different Customer than the one on this SetupIntent.', {
      param: 'payment_method',
      code: 'setup_intent_invalid_parameter',
    });
  }
  if (MANDATED_TYPES.includes(pm.type as string)) checkMandateData(call.params);
  si.last_setup_error = null;
  const card = state.instruments.get(pm.id)?.card;
  if (card?.declinesOnSetup && card.decline) {
    si.status = 'requires_payment_method';
    si.payment_method = null;
    si.latest_attempt = newId('setatt');
    si.last_setup_error = {
      code: card.decline.code,
      decline_code: card.decline.decline_code,
      doc_url: docUrl(card.decline.code),
      message: card.decline.message,
      payment_method: clone(pm),
      type: 'card_error',
    };
    state.emit('setup_intent.setup_failed', si, call.request);
    throw cardError(card.decline, { payment_method: clone(pm), setup_intent: clone(si) });
  }
  if (card?.authentication) {
    si.status = 'requires_action';
    si.next_action = {
      type: 'use_stripe_sdk',
      use_stripe_sdk: {
        type: 'three_d_secure_redirect',
        source: newId('src'),
        stripe_js: `https://hooks.stripe.com/3d_secure_2/hosted?setup_intent=${si.id}`,
      },
    };
    state.emit('setup_intent.requires_action', si, call.request);
    return;
  }
  succeed(call, si, pm);
}

/** Sandbox control: the customer completes (or fails) the 3D Secure step of a SetupIntent. */
export function authenticateSetupIntent(call: Call): StripeObject {
  const si = call.state.get(call.path.id, 'setup_intent');
  if (si.status !== 'requires_action') {
    throw invalidRequest(`This SetupIntent's status is ${String(si.status)}; only requires_action can be authenticated.`, {
      code: 'setup_intent_unexpected_state',
    });
  }
  const pm = call.state.get(si.payment_method as string, 'payment_method');
  if (optionalString(call.params, 'outcome') === 'fail') {
    si.status = 'requires_payment_method';
    si.payment_method = null;
    si.next_action = null;
    si.last_setup_error = {
      code: 'setup_intent_authentication_failure',
      doc_url: docUrl('setup_intent_authentication_failure'),
      message:
        'The latest attempt to set up the payment method has failed because authentication failed. Provide a new payment method to attempt to set up again.',
      payment_method: clone(pm),
      type: 'invalid_request_error',
    };
    call.state.emit('setup_intent.setup_failed', si, call.request);
    return si;
  }
  succeed(call, si, pm);
  return si;
}
