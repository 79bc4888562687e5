import type { IncomingMessage } from 'node:http';
import { StripeApiError } from './errors';
import type { Params } from './form';
import type { StripeState } from './state';

/**
 * Stripe.js in a customer's browser holds only the publishable key (`pk_test_…`) and an intent's
 * `client_secret`. With them it may read and confirm that one intent and create PaymentMethods; any other
 * call with a publishable key is refused, as Stripe refuses it.
 */
const BROWSER_ROUTES: { method: string; pattern: RegExp; intent?: 'setup_intent' | 'payment_intent' }[] = [
  { method: 'GET', pattern: /^\/v1\/setup_intents\/([^/]+)$/, intent: 'setup_intent' },
  { method: 'POST', pattern: /^\/v1\/setup_intents\/([^/]+)\/confirm$/, intent: 'setup_intent' },
  { method: 'GET', pattern: /^\/v1\/payment_intents\/([^/]+)$/, intent: 'payment_intent' },
  { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/, intent: 'payment_intent' },
  { method: 'POST', pattern: /^\/v1\/payment_methods$/ },
];

export type ApiKey = { kind: 'secret' | 'publishable'; key: string };

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function mask(key: string): string {
  return key.length <= 12 ? key : `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;
}

/**
 * The caller's key: `Authorization: Bearer <key>`, HTTP Basic with the key as user name, or (publishable
 * keys only, as Stripe.js sends it) the `key` parameter. This sandbox takes test keys only.
 */
export function apiKeyOf(req: IncomingMessage, params: Params): ApiKey {
  const authorization = header(req, 'authorization') ?? '';
  let key = '';
  if (/^bearer /i.test(authorization)) key = authorization.slice(7).trim();
  else if (/^basic /i.test(authorization))
    key = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8').split(':')[0];
  else if (typeof params.key === 'string' && params.key.startsWith('pk_')) key = params.key;
  if (!key) {
    throw new StripeApiError(401, {
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      type: 'invalid_request_error',
    });
  }
  if (/^(sk|rk)_test_\w+$/.test(key)) return { kind: 'secret', key };
  if (/^pk_test_\w+$/.test(key)) return { kind: 'publishable', key };
  throw new StripeApiError(401, { message: `Invalid API Key provided: ${mask(key)}`, type: 'invalid_request_error' });
}

/**
 * Lets a publishable-key call through only on a browser route, and only for the intent whose
 * `client_secret` it gives (another intent, or a wrong secret, is "no such intent"). Returns the
 * parameters the route itself takes (without `key` and `client_secret`).
 */
export function browserCall(state: StripeState, req: IncomingMessage, method: string, path: string, params: Params): Params {
  const route = BROWSER_ROUTES.find((candidate) => candidate.method === method && candidate.pattern.test(path));
  if (!route) {
    throw new StripeApiError(401, {
      message:
        'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
      type: 'invalid_request_error',
    });
  }
  const { key: _key, client_secret: clientSecret, ...rest } = params;
  if (route.intent) {
    const id = decodeURIComponent(route.pattern.exec(path)![1]!);
    const intent = state.find(id, route.intent);
    if (!intent || typeof clientSecret !== 'string' || clientSecret !== intent.client_secret) {
      throw new StripeApiError(404, {
        message: `No such ${route.intent}: '${id}'`,
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'intent',
      });
    }
  }
  inferMandateClient(req, rest);
  return rest;
}

/**
 * `mandate_data[customer_acceptance][online][infer_from_client]=true`: Stripe fills the customer's IP address
 * and user agent from the browser's own request (only allowed with a publishable key).
 */
function inferMandateClient(req: IncomingMessage, params: Params): void {
  const acceptance = (params.mandate_data as Params | undefined)?.customer_acceptance as Params | undefined;
  const online = acceptance?.online as Params | undefined;
  if (!online || online.infer_from_client !== 'true') return;
  delete online.infer_from_client;
  online.ip_address = req.socket.remoteAddress ?? '127.0.0.1';
  online.user_agent = header(req, 'user-agent') ?? 'unknown';
}

/** Stripe's API answers browsers from any origin (the keys, not the origin, say who may do what). */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Stripe-Version, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Request-Id, Stripe-Version, Idempotency-Key',
  'Access-Control-Max-Age': '600',
};
