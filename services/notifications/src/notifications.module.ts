import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';
import { NotificationsInitial1732233600600 } from './database/migrations/1732233600600-notifications-initial';
import { DeliveriesConsumer } from './deliveries/deliveries.consumer';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveryEntity } from './deliveries/entities/delivery.entity';
import { RecordWelcomeUseCase } from './deliveries/use-cases/record-welcome/record-welcome.use-case';

@Module({})
export class NotificationsModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        ServiceModule.forRoot({
          service: 'notifications',
          config,
          logger,
          entities: [DeliveryEntity],
          migrations: [NotificationsInitial1732233600600],
        }),
      ],
      controllers: [DeliveriesConsumer],
      providers: [DeliveriesRepository, RecordWelcomeUseCase],
    };
  }
}
