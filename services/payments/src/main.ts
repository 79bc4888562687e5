import { runService } from '@obolus/platform';
import { paymentsConfigSpec } from './payments.config';
import { PaymentsModule } from './payments.module';

runService({
  service: 'payments',
  config: paymentsConfigSpec,
  module: (config, logger) => PaymentsModule.forRoot(config, logger),
});
