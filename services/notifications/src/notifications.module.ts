import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@obolus/auth';
import { SecretBox, ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';
import { NotificationsInitial1732233600600 } from './database/migrations/1732233600600-notifications-initial';
import { DeliveriesDispatch1764201600600 } from './database/migrations/1764201600600-deliveries-dispatch';
import { Webhooks1796515200000 } from './database/migrations/1796515200000-webhooks';
import { WEBHOOK_SENDER_SETTINGS, WebhookSender, WebhookSenderSettings } from './webhooks/delivery/webhook-sender';
import { EndpointUrlChecker, HOST_RESOLUTION_CHECK, systemHostResolutionCheck } from './webhooks/endpoints/endpoint-url-checker';
import { AttemptWebhookDeliveryUseCase } from './webhooks/use-cases/attempt-webhook-delivery/attempt-webhook-delivery.use-case';
import { CreateWebhookEndpointUseCase } from './webhooks/use-cases/create-webhook-endpoint/create-webhook-endpoint.use-case';
import { DeleteWebhookEndpointUseCase } from './webhooks/use-cases/delete-webhook-endpoint/delete-webhook-endpoint.use-case';
import { GetWebhookEndpointsUseCase } from './webhooks/use-cases/get-webhook-endpoints/get-webhook-endpoints.use-case';
import { ListWebhookDeliveriesUseCase } from './webhooks/use-cases/list-webhook-deliveries/list-webhook-deliveries.use-case';
import { RecordWebhookDeliveriesUseCase } from './webhooks/use-cases/record-webhook-deliveries/record-webhook-deliveries.use-case';
import { ReplayWebhookDeliveriesUseCase } from './webhooks/use-cases/replay-webhook-deliveries/replay-webhook-deliveries.use-case';
import { RotateWebhookSecretUseCase } from './webhooks/use-cases/rotate-webhook-secret/rotate-webhook-secret.use-case';
import { AccountContactsRepository } from './contacts/account-contacts.repository';
import { ContactsConsumer } from './contacts/contacts.consumer';
import { NotificationPreferencesController } from './contacts/notification-preferences.controller';
import { RecordMemberChangeUseCase } from './contacts/use-cases/record-member-change/record-member-change.use-case';
import { SaveNotificationPreferencesUseCase } from './contacts/use-cases/save-notification-preferences/save-notification-preferences.use-case';
import { MembersPreferences1796601600000 } from './database/migrations/1796601600000-members-preferences';
import { SaveAccountContactUseCase } from './contacts/use-cases/save-account-contact/save-account-contact.use-case';
import { SendTestWebhookUseCase } from './webhooks/use-cases/send-test-webhook/send-test-webhook.use-case';
import { UpdateWebhookEndpointUseCase } from './webhooks/use-cases/update-webhook-endpoint/update-webhook-endpoint.use-case';
import { StaffWebhookEndpointsController, WebhookEndpointsController } from './webhooks/webhook-endpoints.controller';
import { WebhooksConsumer } from './webhooks/webhooks.consumer';
import { WebhooksJobs } from './webhooks/webhooks-jobs';
import { WebhooksRepository } from './webhooks/webhooks.repository';
import { DeliveriesConsumer } from './deliveries/deliveries.consumer';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveryDispatcher } from './deliveries/delivery-dispatcher';
import { DeliveryEntity } from './deliveries/entities/delivery.entity';
import { DispatchDeliveryUseCase } from './deliveries/use-cases/dispatch-delivery/dispatch-delivery.use-case';
import { RecordDeliveryUseCase } from './deliveries/use-cases/record-delivery/record-delivery.use-case';
import { PORTAL_URL, RecordOwnerNoticeUseCase } from './deliveries/use-cases/record-owner-notice/record-owner-notice.use-case';
import { RecordStaffAlertUseCase, STAFF_ALERT_EMAILS } from './deliveries/use-cases/record-staff-alert/record-staff-alert.use-case';
import { staffAlertEmails } from './deliveries/staff-alert-emails';
import { INVOICING_SETTINGS, InvoiceDocuments, InvoicingInvoiceDocuments } from './documents/invoice-documents';
import { MAIL_SETTINGS, Mailer, SmtpMailer } from './email/mailer';
import { DISPATCH_SETTINGS, DispatchSettings, NotificationsConfig } from './notifications.config';
import { AccountDataRepository } from './account-data/account-data.repository';
import { AccountLifecycleConsumer } from './account-data/account-lifecycle.consumer';
import { PurgeAccountDataUseCase } from './account-data/use-cases/purge-account-data/purge-account-data.use-case';
import { OperationsModule } from '@obolus/operations';

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
          migrations: [NotificationsInitial1732233600600, DeliveriesDispatch1764201600600, Webhooks1796515200000, MembersPreferences1796601600000],
        }),
        AuthModule.forService({ service: 'notifications', config }),
        OperationsModule,
      ],
      controllers: [AccountLifecycleConsumer, DeliveriesConsumer, ContactsConsumer, WebhooksConsumer, WebhookEndpointsController, StaffWebhookEndpointsController, NotificationPreferencesController],
      providers: [
        AccountDataRepository,
        PurgeAccountDataUseCase,
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
        RecordOwnerNoticeUseCase,
        { provide: PORTAL_URL, useValue: config.PORTAL_URL.replace(/\/$/, '') },
        RecordStaffAlertUseCase,
        { provide: STAFF_ALERT_EMAILS, useValue: staffAlertEmails(config.STAFF_ALERT_EMAILS) },
        DispatchDeliveryUseCase,
        DeliveryDispatcher,
        {
          provide: WEBHOOK_SENDER_SETTINGS,
          useValue: {
            allowHttpLoopback: config.WEBHOOKS_ALLOW_HTTP_LOOPBACK === 'true',
            connectTimeoutMs: config.WEBHOOK_CONNECT_TIMEOUT_MS,
            responseTimeoutMs: config.WEBHOOK_RESPONSE_TIMEOUT_MS,
          } satisfies WebhookSenderSettings,
        },
        { provide: SecretBox, useFactory: () => new SecretBox(config.WEBHOOK_SECRETS_KEY, 'WEBHOOK_SECRETS_KEY') },
        { provide: HOST_RESOLUTION_CHECK, useValue: systemHostResolutionCheck },
        WebhookSender,
        EndpointUrlChecker,
        WebhooksRepository,
        WebhooksJobs,
        CreateWebhookEndpointUseCase,
        GetWebhookEndpointsUseCase,
        UpdateWebhookEndpointUseCase,
        DeleteWebhookEndpointUseCase,
        RotateWebhookSecretUseCase,
        SendTestWebhookUseCase,
        ListWebhookDeliveriesUseCase,
        ReplayWebhookDeliveriesUseCase,
        RecordWebhookDeliveriesUseCase,
        AttemptWebhookDeliveryUseCase,
        SaveAccountContactUseCase,
        AccountContactsRepository,
        RecordMemberChangeUseCase,
        SaveNotificationPreferencesUseCase,
      ],
    };
  }
}
