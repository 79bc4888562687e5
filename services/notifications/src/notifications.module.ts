import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';
import { NotificationsInitial1732233600600 } from './database/migrations/1732233600600-notifications-initial';
import { DeliveriesConsumer } from './deliveries/deliveries.consumer';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveryEntity } from './deliveries/entities/delivery.entity';
import { SendEmailUseCase } from './deliveries/use-cases/send-email/send-email.use-case';
import { MAIL_SETTINGS, Mailer } from './email/mailer';

export interface NotificationsConfig extends ServiceConfig {
  SMTP_URL: string;
  MAIL_FROM: string;
}

@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsConfig, logger: Logger): DynamicModule {
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
      providers: [
        { provide: MAIL_SETTINGS, useValue: { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM } },
        Mailer,
        DeliveriesRepository,
        SendEmailUseCase,
      ],
    };
  }
}
