import { runService } from '@obolus/platform';
import { PaymentsModule } from './payments.module';

runService({ service: 'payments', module: (config, logger) => PaymentsModule.forRoot(config, logger) });
