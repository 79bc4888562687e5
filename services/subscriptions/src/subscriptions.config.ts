import { authConfigSpec, serviceKeys } from '@obolus/auth';
import { ConfigOf, optional, ServiceConfig, testClocksConfigSpec } from '@obolus/platform';

/** subscriptions' own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. */
export const subscriptionsConfigSpec = {
  ...authConfigSpec,
  INTERNAL_API_KEYS: optional(
    serviceKeys(
      'the services allowed on /internal routes (identity, for data exports), each with its own secret: identity:<secret>; unset: none',
    ),
  ),
  /** enabled: test clocks for every caller (local, e2e); otherwise staff only. */
  ...testClocksConfigSpec,
};

export type SubscriptionsConfig = ServiceConfig & ConfigOf<typeof subscriptionsConfigSpec>;
