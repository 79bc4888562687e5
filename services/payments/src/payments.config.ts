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
};

export type PaymentsConfig = ServiceConfig & ConfigOf<typeof paymentsConfigSpec>;
