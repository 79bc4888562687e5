import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';

@Module({})
export class PaymentsModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [ServiceModule.forRoot({ service: 'payments', config, logger })],
    };
  }
}
