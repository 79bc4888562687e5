import { runService } from '@obolus/platform';
import { efacturaGatewayConfigSpec } from './efactura-gateway.config';
import { EfacturaGatewayModule } from './efactura-gateway.module';

runService({
  service: 'efactura-gateway',
  config: efacturaGatewayConfigSpec,
  module: (config, logger) => EfacturaGatewayModule.forRoot(config, logger),
});
