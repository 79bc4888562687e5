import { runService } from '@obolus/platform';
import { subscriptionsConfigSpec } from './subscriptions.config';
import { SubscriptionsModule } from './subscriptions.module';

runService({
  service: 'subscriptions',
  config: subscriptionsConfigSpec,
  module: (config, logger) => SubscriptionsModule.forRoot(config, logger),
});
