import { authConfigSpec } from '@obolus/auth';
import { runService } from '@obolus/platform';
import { InvoicingModule } from './invoicing.module';

runService({
  service: 'invoicing',
  extraConfig: authConfigSpec,
  module: (config, logger) => InvoicingModule.forRoot(config, logger),
});
