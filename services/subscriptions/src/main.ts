import { runService } from '@obolus/platform';
import { SubscriptionsModule } from './subscriptions.module';

runService({ service: 'subscriptions', module: (config, logger) => SubscriptionsModule.forRoot(config, logger) });
