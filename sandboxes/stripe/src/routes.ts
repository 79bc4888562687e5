import type { Call } from './call';
import * as charges from './resources/charges';
import * as customers from './resources/customers';
import * as events from './resources/events';
import * as paymentIntents from './resources/payment-intents';
import * as paymentMethods from './resources/payment-methods';
import * as refunds from './resources/refunds';
import * as mandates from './resources/mandates';
import * as setupIntents from './resources/setup-intents';
import * as testClocks from './resources/test-clocks';

export type Handler = (call: Call) => Record<string, unknown>;

export interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

function route(method: string, template: string, handler: Handler): Route {
  const names: string[] = [];
  const source = template.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}$`), names, handler };
}

/** The Stripe v1 endpoints the sandbox serves. */
export const API_ROUTES: Route[] = [
  route('POST', '/v1/customers', customers.createCustomer),
  route('GET', '/v1/customers', customers.listCustomers),
  route('GET', '/v1/customers/:id', customers.retrieveCustomer),
  route('POST', '/v1/customers/:id', customers.updateCustomer),
  route('DELETE', '/v1/customers/:id', customers.deleteCustomer),
  route('GET', '/v1/customers/:id/payment_methods', paymentMethods.listCustomerPaymentMethods),
  route('POST', '/v1/payment_methods', paymentMethods.createPaymentMethod),
  route('GET', '/v1/payment_methods', paymentMethods.listPaymentMethods),
  route('GET', '/v1/payment_methods/:id', paymentMethods.retrievePaymentMethod),
  route('POST', '/v1/payment_methods/:id', paymentMethods.updatePaymentMethod),
  route('POST', '/v1/payment_methods/:id/attach', paymentMethods.attachPaymentMethod),
  route('POST', '/v1/payment_methods/:id/detach', paymentMethods.detachPaymentMethod),
  route('POST', '/v1/setup_intents', setupIntents.createSetupIntent),
  route('GET', '/v1/setup_intents', setupIntents.listSetupIntents),
  route('GET', '/v1/setup_intents/:id', setupIntents.retrieveSetupIntent),
  route('POST', '/v1/setup_intents/:id', setupIntents.updateSetupIntent),
  route('POST', '/v1/setup_intents/:id/confirm', setupIntents.confirmSetupIntent),
  route('POST', '/v1/setup_intents/:id/cancel', setupIntents.cancelSetupIntent),
  route('POST', '/v1/payment_intents', paymentIntents.createPaymentIntent),
  route('GET', '/v1/payment_intents', paymentIntents.listPaymentIntents),
  route('GET', '/v1/payment_intents/:id', paymentIntents.retrievePaymentIntent),
  route('POST', '/v1/payment_intents/:id', paymentIntents.updatePaymentIntent),
  route('POST', '/v1/payment_intents/:id/confirm', paymentIntents.confirmPaymentIntent),
  route('POST', '/v1/payment_intents/:id/cancel', paymentIntents.cancelPaymentIntent),
  route('GET', '/v1/charges', charges.listCharges),
  route('GET', '/v1/charges/:id', charges.retrieveCharge),
  route('POST', '/v1/refunds', refunds.createRefund),
  route('GET', '/v1/refunds', refunds.listRefunds),
  route('GET', '/v1/refunds/:id', refunds.retrieveRefund),
  route('POST', '/v1/refunds/:id', refunds.updateRefund),
  route('GET', '/v1/mandates/:id', mandates.retrieveMandate),
  route('POST', '/v1/test_helpers/test_clocks', testClocks.createTestClock),
  route('GET', '/v1/test_helpers/test_clocks', testClocks.listTestClocks),
  route('GET', '/v1/test_helpers/test_clocks/:id', testClocks.retrieveTestClock),
  route('DELETE', '/v1/test_helpers/test_clocks/:id', testClocks.deleteTestClock),
  route('POST', '/v1/test_helpers/test_clocks/:id/advance', testClocks.advanceTestClock),
  route('GET', '/v1/events', events.listEvents),
  route('GET', '/v1/events/:id', events.retrieveEvent),
];

/** Test-only controls: what a customer does in a browser (3D Secure), outside Stripe's API. */
export const CONTROL_ROUTES: Route[] = [
  route('POST', '/_sandbox/payment_intents/:id/authenticate', paymentIntents.authenticatePaymentIntent),
  route('POST', '/_sandbox/setup_intents/:id/authenticate', setupIntents.authenticateSetupIntent),
];

export function match(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const found = candidate.pattern.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    candidate.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1])));
    return { route: candidate, params };
  }
  return undefined;
}
