import { runService } from '@obolus/platform';
import { EfacturaGatewayModule } from './efactura-gateway.module';

runService({ service: 'efactura-gateway', module: (config, logger) => EfacturaGatewayModule.forRoot(config, logger) });
