import type { Call } from '../call';
import { invalidRequest, missingParam } from '../errors';
import { base62, newId } from '../ids';
import { optionalObject } from '../params';
import type { Params } from '../form';
import type { StripeObject, StripeState } from '../state';

/** Bank debits need the account holder's mandate before Stripe debits them. */
export const MANDATED_TYPES = ['sepa_debit', 'us_bank_account'];

function text(params: Params, name: string, path: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '') throw missingParam(`${path}[${name}]`);
  return value;
}

/** The customer's acceptance from `mandate_data[customer_acceptance]`, as Stripe checks it. */
function customerAcceptance(params: Params, acceptedAt: number): Record<string, unknown> {
  const data = optionalObject(params, 'mandate_data');
  if (!data) throw missingParam('mandate_data');
  const acceptance = optionalObject(data, 'customer_acceptance');
  if (!acceptance) throw missingParam('mandate_data[customer_acceptance]');
  const type = text(acceptance, 'type', 'mandate_data[customer_acceptance]');
  if (type !== 'online' && type !== 'offline') {
    throw invalidRequest('Invalid mandate_data[customer_acceptance][type]: must be one of online or offline', {
      param: 'mandate_data[customer_acceptance][type]',
    });
  }
  const result: Record<string, unknown> = { accepted_at: acceptedAt, type };
  if (type === 'online') {
    const online = optionalObject(acceptance, 'online');
    if (!online) throw missingParam('mandate_data[customer_acceptance][online]');
    result.online = {
      ip_address: text(online, 'ip_address', 'mandate_data[customer_acceptance][online]'),
      user_agent: text(online, 'user_agent', 'mandate_data[customer_acceptance][online]'),
    };
  } else result.offline = {};
  return result;
}

/** Checks `mandate_data` as Stripe does before it writes anything. */
export function checkMandateData(params: Params): void {
  customerAcceptance(params, 0);
}

/** The active mandate the customer gave for this PaymentMethod, if any. */
export function activeMandateOf(state: StripeState, pm: StripeObject): StripeObject | undefined {
  return state.all('mandate').find((m) => m.payment_method === pm.id && m.status === 'active');
}

/** A multi-use mandate for a bank debit PaymentMethod, from the request's `mandate_data`. */
export function createMandate(state: StripeState, params: Params, pm: StripeObject, acceptedAt: number): StripeObject {
  const acceptance = customerAcceptance(params, acceptedAt);
  const id = newId('mandate');
  const details: Record<string, unknown> =
    pm.type === 'sepa_debit'
      ? { reference: base62(16).toUpperCase(), url: `https://payments.stripe.com/sepa_debit/mandate/${id}` }
      : { collection_method: null };
  return state.put({
    id,
    object: 'mandate',
    created: acceptedAt,
    customer_acceptance: acceptance,
    livemode: false,
    multi_use: {},
    on_behalf_of: null,
    payment_method: pm.id,
    payment_method_details: { [pm.type as string]: details, type: pm.type },
    status: 'active',
    type: 'multi_use',
  });
}

/**
 * The mandate a bank debit is made under: the one named (`mandate`), a new one (`mandate_data`), or the
 * one given for the PaymentMethod before (a SetupIntent). None is Stripe's 400.
 */
export function mandateForDebit(state: StripeState, params: Params, pm: StripeObject, at: number): StripeObject {
  checkMandateForDebit(state, params, pm);
  if (typeof params.mandate === 'string' && params.mandate !== '') return state.get(params.mandate, 'mandate', 'mandate');
  if (params.mandate_data !== undefined) return createMandate(state, params, pm, at);
  return activeMandateOf(state, pm) as StripeObject;
}

export function retrieveMandate(call: Call): StripeObject {
  return call.state.get(call.path.id, 'mandate');
}

/** The checks of mandateForDebit without writing anything: a refused debit leaves no mandate behind. */
export function checkMandateForDebit(state: StripeState, params: Params, pm: StripeObject): void {
  const named = typeof params.mandate === 'string' && params.mandate !== '' ? params.mandate : undefined;
  if (named) {
    const mandate = state.get(named, 'mandate', 'mandate');
    if (mandate.payment_method !== pm.id || mandate.status !== 'active') {
      throw invalidRequest(`The mandate ${named} is not an active mandate of PaymentMethod ${pm.id}.`, {
        param: 'mandate',
        code: 'payment_intent_mandate_invalid',
      });
    }
    return;
  }
  if (params.mandate_data !== undefined) {
    customerAcceptance(params, 0);
    return;
  }
  if (!activeMandateOf(state, pm)) {
    throw invalidRequest(
      `A ${String(pm.type)} payment requires a mandate: pass mandate_data with the customer's acceptance, or set the PaymentMethod up with a SetupIntent first.`,
      { param: 'mandate_data', code: 'payment_intent_mandate_invalid' },
    );
  }
}
