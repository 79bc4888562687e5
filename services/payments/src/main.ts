import { str, url } from '@obolus/observability';
import { authConfigSpec } from '@obolus/auth';
import { runService } from '@obolus/platform';
import { PaymentsModule } from './payments.module';

runService({
  service: 'payments',
  extraConfig: {
    ...authConfigSpec,
    STRIPE_SECRET_KEY: str('the Stripe secret key (sk_live_… or sk_test_…)'),
    STRIPE_API_URL: url("Stripe's API; the local sandbox in development", ['http', 'https'], 'https://api.stripe.com'),
    STRIPE_WEBHOOK_SECRET: str('the signing secret of the Stripe webhook endpoint (whsec_…)'),
  },
  module: (config, logger) => PaymentsModule.forRoot(config, logger),
});
