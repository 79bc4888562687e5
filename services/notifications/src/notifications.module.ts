import { DynamicModule, Module } from '@nestjs/common';
import { ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';
import { NotificationsInitial1732233600600 } from './database/migrations/1732233600600-notifications-initial';
import { DeliveriesDispatch1764201600600 } from './database/migrations/1764201600600-deliveries-dispatch';
import { DeliveriesConsumer } from './deliveries/deliveries.consumer';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveryDispatcher } from './deliveries/delivery-dispatcher';
import { DeliveryEntity } from './deliveries/entities/delivery.entity';
import { DispatchDeliveryUseCase } from './deliveries/use-cases/dispatch-delivery/dispatch-delivery.use-case';
import { RecordDeliveryUseCase } from './deliveries/use-cases/record-delivery/record-delivery.use-case';
import { INVOICING_SETTINGS, InvoiceDocuments, InvoicingInvoiceDocuments } from './documents/invoice-documents';
import { MAIL_SETTINGS, Mailer, SmtpMailer } from './email/mailer';
import { DISPATCH_SETTINGS, DispatchSettings, NotificationsConfig } from './notifications.config';

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
          migrations: [NotificationsInitial1732233600600, DeliveriesDispatch1764201600600],
        }),
      ],
      controllers: [DeliveriesConsumer],
      providers: [
        { provide: MAIL_SETTINGS, useValue: { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM } },
        { provide: INVOICING_SETTINGS, useValue: { url: config.INVOICING_URL, serviceKey: config.INVOICING_SERVICE_KEY } },
        {
          provide: DISPATCH_SETTINGS,
          useValue: {
            pollIntervalMs: config.NOTIFICATIONS_DISPATCH_POLL_MS,
            concurrency: config.NOTIFICATIONS_DISPATCH_CONCURRENCY,
            retryMaxMs: config.NOTIFICATIONS_RETRY_MAX_SECONDS * 1000,
          } satisfies DispatchSettings,
        },
        { provide: Mailer, useClass: SmtpMailer },
        { provide: InvoiceDocuments, useClass: InvoicingInvoiceDocuments },
        DeliveriesRepository,
        RecordDeliveryUseCase,
        DispatchDeliveryUseCase,
        DeliveryDispatcher,
      ],
    };
  }
}
