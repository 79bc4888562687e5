import { authConfigSpec } from '@obolus/auth';
import { ConfigOf, ServiceConfig, testClocksConfigSpec } from '@obolus/platform';

/** subscriptions' own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. */
export const subscriptionsConfigSpec = {
  ...authConfigSpec,
  /** enabled: test clocks for every caller (local, e2e); otherwise staff only. */
  ...testClocksConfigSpec,
};

export type SubscriptionsConfig = ServiceConfig & ConfigOf<typeof subscriptionsConfigSpec>;
