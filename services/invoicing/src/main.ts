import { identityJwksConfig, runService } from '@obolus/platform';
import { InvoicingModule } from './invoicing.module';

runService({
  service: 'invoicing',
  extraConfig: identityJwksConfig,
  module: (config, logger) => InvoicingModule.forRoot(config, logger),
});
