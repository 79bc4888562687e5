import { authConfigSpec } from '@obolus/auth';
import { ConfigOf, ServiceConfig } from '@obolus/platform';

/** subscriptions' own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. */
export const subscriptionsConfigSpec = {
  ...authConfigSpec,
};

export type SubscriptionsConfig = ServiceConfig & ConfigOf<typeof subscriptionsConfigSpec>;
