import type { IncomingMessage } from 'node:http';
import { invalidRequest, StripeApiError } from './errors';
import type { Params } from './form';
import { expandPaths } from './params';
import type { StripeState } from './state';

/**
 * Stripe.js in a customer's browser holds only the publishable key (`pk_test_…`) and an intent's
 * `client_secret`. With them it may read and confirm that one intent and create PaymentMethods; any other
 * call with a publishable key is refused, as Stripe refuses it. The whole browser path is described in
 * sandboxes/stripe/README.md.
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
    const id = decodeURIComponent(route.pattern.exec(path)?.[1] ?? '');
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
  const paths = expandPaths(rest);
  const refused = paths.find((path) => path !== 'payment_method');
  if (refused) throw invalidRequest(`This property cannot be expanded (${refused}).`, { param: 'expand' });
  dropBrowserTelemetry(rest);
  inferMandateClient(req, rest);
  return rest;
}

/**
 * What Stripe.js adds to its calls for Stripe's fraud checks and its own bookkeeping (device ids, time on the
 * page, the SDK's user agent): taken and ignored here, on the call and in the PaymentMethod it carries.
 */
const BROWSER_TELEMETRY = [
  'payment_user_agent',
  'time_on_page',
  'guid',
  'muid',
  'sid',
  'referrer',
  'pasted_fields',
  'client_attribution_metadata',
  'expected_payment_method_type',
  'use_stripe_sdk',
];

function dropBrowserTelemetry(params: Params): void {
  const data = params.payment_method_data;
  for (const target of [params, data && typeof data === 'object' && !Array.isArray(data) ? data : undefined]) {
    if (target) for (const name of BROWSER_TELEMETRY) delete target[name];
  }
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

/**
 * What a publishable key may read of each object, as Stripe's reference marks it ("retrievable with
 * publishable key"): an intent without its customer, metadata, mandate or options; a PaymentMethod without
 * its customer and metadata. Applied to every answer (and error) given to a publishable key, at any depth.
 */
const PUBLISHABLE_FIELDS: Record<string, readonly string[]> = {
  setup_intent: [
    'id',
    'object',
    'cancellation_reason',
    'client_secret',
    'created',
    'description',
    'last_setup_error',
    'livemode',
    'next_action',
    'payment_method',
    'payment_method_types',
    'status',
    'usage',
  ],
  payment_intent: [
    'id',
    'object',
    'amount',
    'automatic_payment_methods',
    'canceled_at',
    'cancellation_reason',
    'capture_method',
    'client_secret',
    'confirmation_method',
    'created',
    'currency',
    'description',
    'last_payment_error',
    'livemode',
    'next_action',
    'payment_method',
    'payment_method_types',
    'processing',
    'receipt_email',
    'setup_future_usage',
    'shipping',
    'status',
  ],
};
const HIDDEN_PAYMENT_METHOD_FIELDS = ['customer', 'metadata'];

export function publishableView(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(publishableView);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const kind = typeof object.object === 'string' ? object.object : '';
  const allowed = PUBLISHABLE_FIELDS[kind];
  const view: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(object)) {
    if (allowed && !allowed.includes(name)) continue;
    if (kind === 'payment_method' && HIDDEN_PAYMENT_METHOD_FIELDS.includes(name)) continue;
    view[name] = publishableView(field);
  }
  return view;
}
