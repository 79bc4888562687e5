import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';

@Module({})
export class InvoicingModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: InvoicingModule,
      imports: [ServiceModule.forRoot({ service: 'invoicing', config, logger })],
    };
  }
}
