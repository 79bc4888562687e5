import { runService } from '@obolus/platform';
import { paymentsConfigSpec } from './payments.config';
import { PaymentsModule } from './payments.module';
import { STATEMENT_UPLOAD } from './bank-transfers/statement-upload';

runService({
  service: 'payments',
  config: paymentsConfigSpec,
  module: (config, logger) => PaymentsModule.forRoot(config, logger),
  rawBodies: [STATEMENT_UPLOAD],
});
