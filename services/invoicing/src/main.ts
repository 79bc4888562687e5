import { runService } from '@obolus/platform';
import { invoicingConfigSpec } from './invoicing.config';
import { InvoicingModule } from './invoicing.module';

runService({
  service: 'invoicing',
  extraConfig: invoicingConfigSpec,
  module: (config, logger) => InvoicingModule.forRoot(config, logger),
});
