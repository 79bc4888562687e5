import { identityJwksConfig, runService } from '@obolus/platform';
import { EfacturaGatewayModule } from './efactura-gateway.module';

runService({
  service: 'efactura-gateway',
  extraConfig: identityJwksConfig,
  module: (config, logger) => EfacturaGatewayModule.forRoot(config, logger),
});
