import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';

@Module({})
export class EfacturaGatewayModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: EfacturaGatewayModule,
      imports: [ServiceModule.forRoot({ service: 'efactura-gateway', config, logger })],
    };
  }
}
