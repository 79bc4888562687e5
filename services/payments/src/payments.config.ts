import { authConfigSpec } from '@obolus/auth';
import { ConfigOf, ServiceConfig, str, url } from '@obolus/platform';

/** payments' own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. */
export const paymentsConfigSpec = {
  ...authConfigSpec,
  STRIPE_SECRET_KEY: str('the Stripe secret key (sk_live_… or sk_test_…)'),
  STRIPE_API_URL: url("Stripe's API; the local sandbox in development", ['http', 'https'], 'https://api.stripe.com'),
  STRIPE_WEBHOOK_SECRET: str('the signing secret of the Stripe webhook endpoint (whsec_…)'),
};

export type PaymentsConfig = ServiceConfig & ConfigOf<typeof paymentsConfigSpec>;
