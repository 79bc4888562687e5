import { authConfigSpec } from '@obolus/auth';
import { runService } from '@obolus/platform';
import { SubscriptionsModule } from './subscriptions.module';

runService({
  service: 'subscriptions',
  extraConfig: authConfigSpec,
  module: (config, logger) => SubscriptionsModule.forRoot(config, logger),
});
