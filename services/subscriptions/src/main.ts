import { identityJwksConfig, runService } from '@obolus/platform';
import { SubscriptionsModule } from './subscriptions.module';

runService({
  service: 'subscriptions',
  extraConfig: identityJwksConfig,
  module: (config, logger) => SubscriptionsModule.forRoot(config, logger),
});
