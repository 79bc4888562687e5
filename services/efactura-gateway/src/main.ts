import { authConfigSpec } from '@obolus/auth';
import { runService } from '@obolus/platform';
import { EfacturaGatewayModule } from './efactura-gateway.module';

runService({
  service: 'efactura-gateway',
  extraConfig: authConfigSpec,
  module: (config, logger) => EfacturaGatewayModule.forRoot(config, logger),
});
