import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, SERVICE_KEYS } from '@obolus/auth';
import { SecretBox, ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';
import { anafClientProvider } from './anaf/anaf-client.provider';
import { AuthorizationsController, OAuthCallbackController } from './authorizations/authorizations.controller';
import { AuthorizationsRepository } from './authorizations/authorizations.repository';
import { CompleteAuthorizationUseCase } from './authorizations/use-cases/complete-authorization/complete-authorization.use-case';
import { GetAuthorizationStatusUseCase } from './authorizations/use-cases/get-authorization-status/get-authorization-status.use-case';
import { MarkAuthorizationRevokedUseCase } from './authorizations/use-cases/mark-authorization-revoked/mark-authorization-revoked.use-case';
import { ObtainAccessTokenUseCase } from './authorizations/use-cases/obtain-access-token/obtain-access-token.use-case';
import { StartAuthorizationUseCase } from './authorizations/use-cases/start-authorization/start-authorization.use-case';
import { EfacturaInitial1732233600500 } from './database/migrations/1732233600500-efactura-initial';
import { EfacturaAnaf1796601600500 } from './database/migrations/1796601600500-efactura-anaf';
import { SubmissionSigner1796601600600 } from './database/migrations/1796601600600-submission-signer';
import { IncomingInvoices1796601600700 } from './database/migrations/1796601600700-incoming-invoices';
import { CreditNoteDocuments1797000000500 } from './database/migrations/1797000000500-credit-note-documents';
import { IncomingController } from './incoming/incoming.controller';
import { IncomingJobs } from './incoming/incoming-jobs';
import { DeadlineMissed1797000000600 } from './database/migrations/1797000000600-deadline-missed';
import { DeadlinePlanner } from './deadlines/deadline-planner';
import { DeadlinesJobs } from './deadlines/deadlines-jobs';
import { DeadlinesRepository } from './deadlines/deadlines.repository';
import { RaiseDeadlineAlertUseCase } from './deadlines/use-cases/raise-deadline-alert/raise-deadline-alert.use-case';
import { RecordMissedDeadlineUseCase } from './deadlines/use-cases/record-missed-deadline/record-missed-deadline.use-case';
import { IncomingRepository } from './incoming/incoming.repository';
import { ListIncomingInvoicesUseCase } from './incoming/use-cases/list-incoming-invoices/list-incoming-invoices.use-case';
import { PollIncomingInvoicesUseCase } from './incoming/use-cases/poll-incoming-invoices/poll-incoming-invoices.use-case';
import { DocumentsConsumer } from './documents/documents.consumer';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsRepository } from './documents/documents.repository';
import { DocumentEntity } from './documents/entities/document.entity';
import { UblValidator } from './documents/ubl-validator.provider';
import { GetDocumentXmlUseCase } from './documents/use-cases/get-document-xml/get-document-xml.use-case';
import { ListDocumentsUseCase } from './documents/use-cases/list-documents/list-documents.use-case';
import { PrepareDocumentUseCase } from './documents/use-cases/prepare-document/prepare-document.use-case';
import { EfacturaGatewayConfig } from './efactura-gateway.config';
import { EFACTURA_SETTINGS, EfacturaSettings, pemCertificates, PORTAL_URL } from './efactura-settings';
import { AnafToken } from './submissions/anaf-token';
import { SubmissionQueue } from './submissions/submission-queue';
import {
  CreditNoteSubmissionsController,
  StaffSubmissionsController,
  SubmissionsController,
  UploadSettingsController,
} from './submissions/submissions.controller';
import { UploadSettingsRepository } from './submissions/upload-settings.repository';
import { GetUploadModeUseCase } from './submissions/use-cases/get-upload-mode/get-upload-mode.use-case';
import { RetrySubmissionUseCase } from './submissions/use-cases/retry-submission/retry-submission.use-case';
import { SetUploadModeUseCase } from './submissions/use-cases/set-upload-mode/set-upload-mode.use-case';
import { UploadHeldDocumentUseCase } from './submissions/use-cases/upload-held-document/upload-held-document.use-case';
import { UploadModeAndRetries1797000000700 } from './database/migrations/1797000000700-upload-mode-and-retries';
import { SubmissionsJobs } from './submissions/submissions-jobs';
import { SubmissionsRepository } from './submissions/submissions.repository';
import { GetSubmissionUseCase } from './submissions/use-cases/get-submission/get-submission.use-case';
import { PollSubmissionUseCase } from './submissions/use-cases/poll-submission/poll-submission.use-case';
import { UploadDocumentUseCase } from './submissions/use-cases/upload-document/upload-document.use-case';
import { AccountDataRepository } from './account-data/account-data.repository';
import { AccountLifecycleConsumer } from './account-data/account-lifecycle.consumer';
import { InternalAccountDataController } from './account-data/internal-account-data.controller';
import { ExportAccountDataUseCase } from './account-data/use-cases/export-account-data/export-account-data.use-case';
import { PurgeAccountDataUseCase } from './account-data/use-cases/purge-account-data/purge-account-data.use-case';
import { StopAccountBillingUseCase } from './account-data/use-cases/stop-account-billing/stop-account-billing.use-case';
import { OperationsModule } from '@obolus/operations';

@Module({})
export class EfacturaGatewayModule {
  static forRoot(config: EfacturaGatewayConfig, logger: Logger): DynamicModule {
    return {
      module: EfacturaGatewayModule,
      imports: [
        ServiceModule.forRoot({
          service: 'efactura-gateway',
          config,
          logger,
          entities: [DocumentEntity],
          migrations: [
            EfacturaInitial1732233600500,
            EfacturaAnaf1796601600500,
            SubmissionSigner1796601600600,
            IncomingInvoices1796601600700,
            CreditNoteDocuments1797000000500,
            DeadlineMissed1797000000600,
            UploadModeAndRetries1797000000700,
          ],
        }),
        AuthModule.forService({ service: 'efactura-gateway', config }),
        OperationsModule,
      ],
      controllers: [
        InternalAccountDataController,
        AccountLifecycleConsumer,
        DocumentsController,
        DocumentsConsumer,
        AuthorizationsController,
        OAuthCallbackController,
        SubmissionsController,
        CreditNoteSubmissionsController,
        UploadSettingsController,
        StaffSubmissionsController,
        IncomingController,
      ],
      providers: [
        { provide: PORTAL_URL, useValue: config.PORTAL_URL },
        { provide: SERVICE_KEYS, useValue: config.INTERNAL_API_KEYS ?? new Map<string, string>() },
        AccountDataRepository,
        ExportAccountDataUseCase,
        StopAccountBillingUseCase,
        PurgeAccountDataUseCase,
        {
          provide: EFACTURA_SETTINGS,
          useValue: {
            refreshBeforeExpiryMs: config.EFACTURA_REFRESH_BEFORE_EXPIRY_HOURS * 3600_000,
            statusPollMs: config.EFACTURA_STATUS_POLL_MS,
            trustedSigners: pemCertificates(config.ANAF_SIGNING_CERTIFICATES ?? ''),
            incomingPollMs: config.EFACTURA_INCOMING_POLL_MS,
            incomingLagMs: config.EFACTURA_INCOMING_LAG_MS,
          } satisfies EfacturaSettings,
        },
        anafClientProvider(config),
        { provide: SecretBox, useFactory: () => new SecretBox(config.EFACTURA_TOKENS_KEY, 'EFACTURA_TOKENS_KEY') },
        UblValidator,
        DocumentsRepository,
        PrepareDocumentUseCase,
        ListDocumentsUseCase,
        GetDocumentXmlUseCase,
        AuthorizationsRepository,
        StartAuthorizationUseCase,
        CompleteAuthorizationUseCase,
        GetAuthorizationStatusUseCase,
        ObtainAccessTokenUseCase,
        MarkAuthorizationRevokedUseCase,
        SubmissionsRepository,
        SubmissionQueue,
        UploadSettingsRepository,
        GetUploadModeUseCase,
        SetUploadModeUseCase,
        UploadHeldDocumentUseCase,
        RetrySubmissionUseCase,
        AnafToken,
        UploadDocumentUseCase,
        PollSubmissionUseCase,
        GetSubmissionUseCase,
        SubmissionsJobs,
        IncomingRepository,
        PollIncomingInvoicesUseCase,
        ListIncomingInvoicesUseCase,
        IncomingJobs,
        DeadlinesRepository,
        DeadlinePlanner,
        RaiseDeadlineAlertUseCase,
        RecordMissedDeadlineUseCase,
        DeadlinesJobs,
      ],
    };
  }
}
