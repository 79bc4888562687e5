import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';

@Module({})
export class SubscriptionsModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: SubscriptionsModule,
      imports: [ServiceModule.forRoot({ service: 'subscriptions', config, logger })],
    };
  }
}
