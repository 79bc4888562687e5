import { authConfigSpec, serviceKeys } from '@obolus/auth';
import { ConfigOf, optional, ServiceConfig, str, url } from '@obolus/platform';

/** payments' own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. */
export const paymentsConfigSpec = {
  ...authConfigSpec,
  INTERNAL_API_KEYS: optional(
    serviceKeys(
      'the services allowed on /internal routes (identity, for data exports), each with its own secret: identity:<secret>; unset: none',
    ),
  ),
  STRIPE_SECRET_KEY: str('the Stripe secret key (sk_live_… or sk_test_…)'),
  STRIPE_API_URL: url("Stripe's API; the local sandbox in development", ['http', 'https'], 'https://api.stripe.com'),
  STRIPE_WEBHOOK_SECRET: str('the signing secret of the Stripe webhook endpoint (whsec_…)'),
  PAYPAL_API_URL: url(
    "PayPal's REST API (https://api-m.paypal.com, https://api-m.sandbox.paypal.com); the local sandbox in development",
    ['http', 'https'],
    'http://127.0.0.1:4604',
  ),
  PAYPAL_CLIENT_ID: str("the PayPal REST app's client id; the local sandbox's by default", 'obolus-sandbox-client'),
  PAYPAL_CLIENT_SECRET: str("the PayPal REST app's secret; the local sandbox's by default", 'obolus-sandbox-secret'),
  PAYPAL_WEBHOOK_ID: str(
    'the id of the PayPal webhook that posts to /webhooks/paypal, used to verify its signatures',
    '8OB0LUS5ANDB0XWH1',
  ),
  PAYPAL_RETURN_URL: url(
    "where PayPal sends the payer's browser after approval (payments' GET /paypal/return, as the public sees it)",
    ['http', 'https'],
    'http://127.0.0.1:4003/paypal/return',
  ),
};

export type PaymentsConfig = ServiceConfig & ConfigOf<typeof paymentsConfigSpec>;
