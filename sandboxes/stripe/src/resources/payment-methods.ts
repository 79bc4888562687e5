import { createHash } from 'node:crypto';
import type { Call } from '../call';
import { docUrl, invalidRequest, missingParam, StripeApiError } from '../errors';
import type { Params } from '../form';
import { newId, nowSeconds } from '../ids';
import { listObject } from '../lists';
import { allowOnly, mergeMetadata, optionalObject, optionalString, requiredString } from '../params';
import type { RequestInfo, StripeObject, StripeState } from '../state';
import {
  bankAccountProfileFor,
  cardProfileFor,
  ibanProfileFor,
  isMagicPaymentMethod,
  type CardProfile,
  type IbanProfile,
} from '../test-instruments';

function fingerprint(secret: string): string {
  return createHash('sha256')
    .update(`obolus-sandbox:${secret}`)
    .digest('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 16);
}

const NO_ADDRESS = { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };

function billingDetails(params: Params): Record<string, unknown> {
  const given = optionalObject(params, 'billing_details') ?? {};
  const text = (key: string): string | null =>
    typeof given[key] === 'string' && given[key] !== '' ? (given[key] as string) : null;
  const address = typeof given.address === 'object' && !Array.isArray(given.address) ? (given.address as Params) : {};
  return {
    address: Object.fromEntries(Object.keys(NO_ADDRESS).map((k) => [k, typeof address[k] === 'string' ? address[k] : null])),
    email: text('email'),
    name: text('name'),
    phone: text('phone'),
    tax_id: null,
  };
}

function cardDetails(card: CardProfile): Record<string, unknown> {
  return {
    brand: card.brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
    country: card.country,
    display_brand: card.brand,
    exp_month: 12,
    exp_year: new Date().getUTCFullYear() + 3,
    fingerprint: fingerprint(card.number),
    funding: card.funding,
    generated_from: null,
    last4: card.number.slice(-4),
    networks: { available: [card.brand], preferred: null },
    regulated_status: 'unregulated',
    three_d_secure_usage: { supported: true },
    wallet: null,
  };
}

function sepaDetails(iban: IbanProfile): Record<string, unknown> {
  return {
    bank_code: iban.bankCode,
    branch_code: iban.branchCode,
    country: iban.country,
    fingerprint: fingerprint(iban.iban),
    generated_from: { charge: null, setup_attempt: null },
    last4: iban.iban.slice(-4),
  };
}

function basePaymentMethod(type: string, params: Params): StripeObject {
  return {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: billingDetails(params),
    created: nowSeconds(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: mergeMetadata({}, params),
    type,
  };
}

function newCardPaymentMethod(state: StripeState, card: CardProfile, params: Params): StripeObject {
  const pm = { ...basePaymentMethod('card', params), card: cardDetails(card) };
  state.instruments.set(pm.id, { card, authenticated: false });
  return state.put(pm);
}

/** ISO 13616 check digits: a real IBAN leaves remainder 1 modulo 97. */
function validIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  return remainder === 1;
}

function sepaPaymentMethod(state: StripeState, params: Params): StripeObject {
  const given = optionalObject(params, 'sepa_debit');
  const raw = given && typeof given.iban === 'string' ? given.iban.replace(/\s/g, '').toUpperCase() : '';
  if (!raw) throw missingParam('sepa_debit[iban]');
  if (!validIban(raw)) {
    throw invalidRequest(`The IBAN you provided (${raw}) is invalid.`, {
      param: 'sepa_debit[iban]',
      code: 'invalid_bank_account_iban',
    });
  }
  const pm = basePaymentMethod('sepa_debit', params);
  const details = pm.billing_details as Record<string, unknown>;
  if (!details.name) throw missingParam('billing_details[name]');
  if (!details.email) throw missingParam('billing_details[email]');
  const iban = ibanProfileFor(raw) ?? { iban: raw, country: raw.slice(0, 2), bankCode: raw.slice(4, 12), branchCode: '' };
  pm.sepa_debit = sepaDetails(iban);
  state.instruments.set(pm.id, { iban, authenticated: true });
  return state.put(pm);
}

/** An ACH Direct Debit account: Stripe's test routing number and one of its test account numbers. */
function usBankAccountPaymentMethod(state: StripeState, params: Params): StripeObject {
  const given = optionalObject(params, 'us_bank_account');
  if (!given) throw missingParam('us_bank_account');
  const field = (name: string): string => (typeof given[name] === 'string' ? (given[name] as string).trim() : '');
  const routingNumber = field('routing_number');
  const accountNumber = field('account_number');
  if (!routingNumber) throw missingParam('us_bank_account[routing_number]');
  if (!accountNumber) throw missingParam('us_bank_account[account_number]');
  const holderType = field('account_holder_type') || 'individual';
  if (holderType !== 'individual' && holderType !== 'company') {
    throw invalidRequest('Invalid us_bank_account[account_holder_type]: must be one of individual or company', {
      param: 'us_bank_account[account_holder_type]',
    });
  }
  const accountType = field('account_type') || 'checking';
  if (accountType !== 'checking' && accountType !== 'savings') {
    throw invalidRequest('Invalid us_bank_account[account_type]: must be one of checking or savings', {
      param: 'us_bank_account[account_type]',
    });
  }
  if (!/^\d{9}$/.test(routingNumber)) {
    throw invalidRequest('Routing number must have 9 digits.', {
      param: 'us_bank_account[routing_number]',
      code: 'routing_number_invalid',
    });
  }
  const profile = bankAccountProfileFor(routingNumber, accountNumber);
  if (!profile) {
    throw invalidRequest(
      `The bank account ${routingNumber}/${accountNumber} is not a test account: in test mode use routing number 110000000 with a test account number.`,
      { param: 'us_bank_account[account_number]', code: 'account_number_invalid' },
    );
  }
  const pm = basePaymentMethod('us_bank_account', params);
  if (!(pm.billing_details as Record<string, unknown>).name) throw missingParam('billing_details[name]');
  pm.us_bank_account = {
    account_holder_type: holderType,
    account_type: accountType,
    bank_name: profile.bankName,
    financial_connections_account: null,
    fingerprint: fingerprint(`${routingNumber}:${accountNumber}`),
    last4: accountNumber.slice(-4),
    networks: { preferred: 'ach', supported: ['ach'] },
    routing_number: routingNumber,
    status_details: {},
  };
  state.instruments.set(pm.id, { bankAccount: profile, authenticated: true });
  return state.put(pm);
}

export function cardError(
  decline: { code: string; decline_code: string; message: string; param?: string },
  extra: Record<string, unknown> = {},
): StripeApiError {
  return new StripeApiError(402, {
    ...extra,
    code: decline.code,
    decline_code: decline.decline_code,
    doc_url: docUrl(decline.code),
    message: decline.message,
    param: decline.param ?? '',
    type: 'card_error',
  });
}

/**
 * The PaymentMethod a request names. Stripe's test ids (`pm_card_visa`, `tok_visa`) stand for a
 * new PaymentMethod each time they are used, as in Stripe's test mode.
 */
export function resolvePaymentMethod(state: StripeState, reference: string, param: string): StripeObject {
  const magic = isMagicPaymentMethod(reference) ? cardProfileFor(reference) : undefined;
  if (magic) return newCardPaymentMethod(state, magic, {});
  return state.get(reference, 'payment_method', param);
}

export function attachToCustomer(state: StripeState, pm: StripeObject, customerId: string, request: RequestInfo): void {
  if (pm.customer === customerId) return;
  if (pm.customer) {
    throw invalidRequest('The payment method you provided has already been attached to a customer.', {
      param: 'payment_method',
      code: 'payment_method_unexpected_state',
    });
  }
  pm.customer = customerId;
  state.emit('payment_method.attached', pm, request);
}

export function createPaymentMethod(call: Call): StripeObject {
  allowOnly(call.params, ['type', 'card', 'sepa_debit', 'us_bank_account', 'billing_details', 'metadata', 'allow_redisplay']);
  const type = requiredString(call.params, 'type');
  if (type === 'sepa_debit') return sepaPaymentMethod(call.state, call.params);
  if (type === 'us_bank_account') return usBankAccountPaymentMethod(call.state, call.params);
  if (type !== 'card') {
    throw invalidRequest(`The payment method type "${type}" is not supported by the Obolus Stripe sandbox.`, {
      param: 'type',
      code: 'payment_method_invalid_parameter',
    });
  }
  const card = optionalObject(call.params, 'card');
  if (!card) throw missingParam('card');
  const reference = typeof card.token === 'string' ? card.token : typeof card.number === 'string' ? card.number : '';
  if (!reference) throw missingParam('card[token]');
  const profile = cardProfileFor(reference);
  if (typeof card.number === 'string') checkCardDetails(card, new Date(nowSeconds() * 1000));
  if (!profile) {
    if (typeof card.token === 'string')
      throw invalidRequest(`No such token: '${card.token}'`, { param: 'card[token]', code: 'resource_missing' });
    throw cardError({
      code: 'incorrect_number',
      decline_code: 'incorrect_number',
      message: 'Your card number is incorrect.',
      param: 'number',
    });
  }
  return newCardPaymentMethod(call.state, profile, call.params);
}

/**
 * A raw card number comes with its expiry and CVC, as Stripe.js sends them; each is checked as Stripe does
 * (a card error naming the field, 402), before the number itself is looked up.
 */
function checkCardDetails(card: Params, now: Date): void {
  const month = Number(card.exp_month);
  const year = Number(card.exp_year);
  if (card.exp_month === undefined || !Number.isInteger(month) || month < 1 || month > 12) {
    throw cardError({
      code: 'invalid_expiry_month',
      decline_code: 'invalid_expiry_month',
      message: "Your card's expiration month is invalid.",
      param: 'exp_month',
    });
  }
  const thisYear = now.getUTCFullYear();
  if (card.exp_year === undefined || !Number.isInteger(year) || year < thisYear || year > thisYear + 100) {
    throw cardError({
      code: 'invalid_expiry_year',
      decline_code: 'invalid_expiry_year',
      message: "Your card's expiration year is invalid.",
      param: 'exp_year',
    });
  }
  if (year === thisYear && month < now.getUTCMonth() + 1) {
    throw cardError({
      code: 'expired_card',
      decline_code: 'expired_card',
      message: 'Your card has expired.',
      param: 'exp_month',
    });
  }
  if (card.cvc !== undefined && !/^\d{3,4}$/.test(String(card.cvc))) {
    throw cardError({
      code: 'invalid_cvc',
      decline_code: 'invalid_cvc',
      message: "Your card's security code is invalid.",
      param: 'cvc',
    });
  }
}

/**
 * `payment_method_data` on a confirm (what Stripe.js sends from a payment form): the PaymentMethod is created
 * from it, then the confirm goes on with its id as `payment_method`.
 */
export function inlinePaymentMethod(call: Call): void {
  const data = optionalObject(call.params, 'payment_method_data');
  if (!data) return;
  if (call.params.payment_method !== undefined) {
    throw invalidRequest('You cannot provide both payment_method and payment_method_data.', { param: 'payment_method_data' });
  }
  const pm = createPaymentMethod({ ...call, params: data });
  delete call.params.payment_method_data;
  call.params.payment_method = pm.id as string;
}

export function retrievePaymentMethod(call: Call): StripeObject {
  return resolvePaymentMethod(call.state, call.path.id, 'id');
}

export function updatePaymentMethod(call: Call): StripeObject {
  allowOnly(call.params, ['billing_details', 'metadata', 'allow_redisplay']);
  const pm = call.state.get(call.path.id, 'payment_method');
  if (call.params.billing_details !== undefined) pm.billing_details = billingDetails(call.params);
  pm.metadata = mergeMetadata(pm.metadata as Record<string, string>, call.params);
  call.state.emit('payment_method.updated', pm, call.request);
  return pm;
}

export function attachPaymentMethod(call: Call): StripeObject {
  allowOnly(call.params, ['customer']);
  const { state } = call;
  const customerId = requiredString(call.params, 'customer');
  state.get(customerId, 'customer', 'customer');
  const pm = resolvePaymentMethod(state, call.path.id, 'id');
  const instrument = state.instruments.get(pm.id);
  // Attaching checks the card with the issuer; cards that decline everything fail here.
  if (instrument?.card?.declinesOnSetup && instrument.card.decline) throw cardError(instrument.card.decline);
  attachToCustomer(state, pm, customerId, call.request);
  return pm;
}

export function detachPaymentMethod(call: Call): StripeObject {
  allowOnly(call.params, []);
  const pm = call.state.get(call.path.id, 'payment_method');
  if (!pm.customer) {
    throw invalidRequest('The payment method you provided is not attached to a customer so detachment is impossible.', {
      code: 'payment_method_unexpected_state',
    });
  }
  pm.customer = null;
  call.state.emit('payment_method.detached', pm, call.request);
  return pm;
}

function paymentMethodsOf(call: Call, customerId: string): StripeObject[] {
  const type = optionalString(call.params, 'type');
  return call.state.all('payment_method').filter((pm) => pm.customer === customerId && (type === undefined || pm.type === type));
}

export function listCustomerPaymentMethods(call: Call): Record<string, unknown> {
  allowOnly(call.params, ['type', 'limit', 'starting_after', 'ending_before', 'allow_redisplay']);
  call.state.get(call.path.id, 'customer');
  return listObject(paymentMethodsOf(call, call.path.id), call.params, `/v1/customers/${call.path.id}/payment_methods`);
}

export function listPaymentMethods(call: Call): Record<string, unknown> {
  allowOnly(call.params, ['customer', 'type', 'limit', 'starting_after', 'ending_before']);
  const customerId = optionalString(call.params, 'customer');
  // Without a customer Stripe lists only PaymentMethods that belong to no one (Treasury); none here.
  const items = customerId ? paymentMethodsOf(call, customerId) : [];
  return listObject(items, call.params, '/v1/payment_methods');
}
