import { runService } from '@obolus/platform';
import { invoicingConfigSpec } from './invoicing.config';
import { InvoicingModule } from './invoicing.module';

runService({
  service: 'invoicing',
  config: invoicingConfigSpec,
  module: (config, logger) => InvoicingModule.forRoot(config, logger),
});
