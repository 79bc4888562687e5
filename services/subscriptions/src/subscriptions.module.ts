import { ApplyUnpaidUseCase } from './subscriptions/use-cases/apply-unpaid/apply-unpaid.use-case';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, SERVICE_KEYS } from '@obolus/auth';
import { ServiceModule } from '@obolus/platform';
import { SubscriptionsConfig } from './subscriptions.config';
import { Logger } from 'pino';
import { CatalogController } from './catalog/catalog.controller';
import { CatalogRegistry } from './catalog/catalog-registry';
import { SubscriptionsInitial1732233600200 } from './database/migrations/1732233600200-subscriptions-initial';
import { SubscriptionEntity } from './subscriptions/entities/subscription.entity';
import { SubscriptionsConsumer } from './subscriptions/subscriptions.consumer';
import {
  EntitlementsController,
  StaffSubscriptionsController,
  SubscriptionsController,
} from './subscriptions/subscriptions.controller';
import { SubscriptionsLifecycle1796256000000 } from './database/migrations/1796256000000-lifecycle';
import { DuePeriods } from './subscriptions/due-periods';
import { PendingChargeEntity } from './subscriptions/entities/pending-charge.entity';
import { PendingChargesRepository } from './subscriptions/pending-charges.repository';
import { AnnounceExpiryUseCase } from './subscriptions/use-cases/announce-expiry/announce-expiry.use-case';
import { BillEarlyUseCase } from './subscriptions/use-cases/bill-early/bill-early.use-case';
import { StaffRequestsRepository } from './subscriptions/staff-requests.repository';
import { StaffRequests1796601600000 } from './database/migrations/1796601600000-staff-requests';
import { ExtendTrialUseCase } from './subscriptions/use-cases/extend-trial/extend-trial.use-case';
import { QuotePriceUseCase } from './subscriptions/use-cases/quote-price/quote-price.use-case';
import { ChangeEditionUseCase } from './subscriptions/use-cases/change-edition/change-edition.use-case';
import { ChangeSeatsUseCase } from './subscriptions/use-cases/change-seats/change-seats.use-case';
import { ExpireSubscriptionUseCase } from './subscriptions/use-cases/expire-subscription/expire-subscription.use-case';
import { GetEntitlementsUseCase } from './subscriptions/use-cases/get-entitlements/get-entitlements.use-case';
import { CheckEntitlementUseCase } from './subscriptions/use-cases/check-entitlement/check-entitlement.use-case';
import { RecordUsageUseCase } from './subscriptions/use-cases/record-usage/record-usage.use-case';
import { AnnounceCatalogRevisionUseCase } from './subscriptions/use-cases/announce-catalog-revision/announce-catalog-revision.use-case';
import { CatalogRevisions } from './catalog/catalog-revisions';
import { SubscriptionsEntitlements1796428800000 } from './database/migrations/1796428800000-entitlements';
import { SubscriptionCountry1796515200000 } from './database/migrations/1796515200000-subscription-country';
import { RenewSubscriptionUseCase } from './subscriptions/use-cases/renew-subscription/renew-subscription.use-case';
import { SubscriptionsRepository } from './subscriptions/subscriptions.repository';
import { PurchaseUseCase } from './subscriptions/use-cases/purchase/purchase.use-case';
import { GetSubscriptionUseCase } from './subscriptions/use-cases/get-subscription/get-subscription.use-case';
import { StartTrialUseCase } from './subscriptions/use-cases/start-trial/start-trial.use-case';
import { TestClocks1795824000000 } from './database/migrations/1795824000000-test-clocks';
import { TestClocksAccessGuard } from './test-clocks/test-clocks-access.guard';
import { TestClockReportsConsumer } from './test-clocks/test-clocks.consumer';
import { TestClocksController } from './test-clocks/test-clocks.controller';
import { TestClocksRepository } from './test-clocks/test-clocks.repository';
import { AdvanceTestClockUseCase } from './test-clocks/use-cases/advance-test-clock/advance-test-clock.use-case';
import { CreateTestClockUseCase } from './test-clocks/use-cases/create-test-clock/create-test-clock.use-case';
import { DeleteTestClockUseCase } from './test-clocks/use-cases/delete-test-clock/delete-test-clock.use-case';
import { GetTestClockUseCase } from './test-clocks/use-cases/get-test-clock/get-test-clock.use-case';
import { RecordTestClockReportUseCase } from './test-clocks/use-cases/record-test-clock-report/record-test-clock-report.use-case';
import { SubscriptionsJobs } from './subscriptions/subscriptions-jobs';
import { EndTrialUseCase } from './subscriptions/use-cases/end-trial/end-trial.use-case';
import { AnnounceTrialEndingUseCase } from './subscriptions/use-cases/announce-trial-ending/announce-trial-ending.use-case';
import { ApiKeys1796342400000 } from './database/migrations/1796342400000-api-keys';
import { ApiKeyAuthenticator } from './api-keys/api-key-authenticator';
import { StaffApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysRepository } from './api-keys/api-keys.repository';
import { EntitlementsAccessGuard } from './api-keys/entitlements-access.guard';
import { CreateApiKeyUseCase } from './api-keys/use-cases/create-api-key/create-api-key.use-case';
import { ListApiKeysUseCase } from './api-keys/use-cases/list-api-keys/list-api-keys.use-case';
import { RevokeApiKeyUseCase } from './api-keys/use-cases/revoke-api-key/revoke-api-key.use-case';
import { AccountDataRepository } from './account-data/account-data.repository';
import { AccountLifecycleConsumer } from './account-data/account-lifecycle.consumer';
import { InternalAccountDataController } from './account-data/internal-account-data.controller';
import { ExportAccountDataUseCase } from './account-data/use-cases/export-account-data/export-account-data.use-case';
import { PurgeAccountDataUseCase } from './account-data/use-cases/purge-account-data/purge-account-data.use-case';
import { StopAccountBillingUseCase } from './account-data/use-cases/stop-account-billing/stop-account-billing.use-case';
import { OperationsModule } from '@obolus/operations';

@Module({})
export class SubscriptionsModule {
  static forRoot(config: SubscriptionsConfig, logger: Logger): DynamicModule {
    return {
      module: SubscriptionsModule,
      imports: [
        ServiceModule.forRoot({
          service: 'subscriptions',
          config,
          logger,
          entities: [SubscriptionEntity, PendingChargeEntity],
          migrations: [
            SubscriptionsInitial1732233600200,
            TestClocks1795824000000,
            SubscriptionsLifecycle1796256000000,
            SubscriptionsEntitlements1796428800000,
            ApiKeys1796342400000,
            SubscriptionCountry1796515200000,
            StaffRequests1796601600000,
          ],
        }),
        AuthModule.forService({ service: 'subscriptions', config }),
        OperationsModule,
      ],
      controllers: [
        InternalAccountDataController,
        AccountLifecycleConsumer,
        CatalogController,
        SubscriptionsController,
        EntitlementsController,
        StaffSubscriptionsController,
        SubscriptionsConsumer,
        TestClocksController,
        TestClockReportsConsumer,
        StaffApiKeysController,
      ],
      providers: [
        { provide: SERVICE_KEYS, useValue: config.INTERNAL_API_KEYS ?? new Map<string, string>() },
        AccountDataRepository,
        ExportAccountDataUseCase,
        StopAccountBillingUseCase,
        PurgeAccountDataUseCase,
        TestClocksRepository,
        TestClocksAccessGuard,
        ApiKeysRepository,
        ApiKeyAuthenticator,
        EntitlementsAccessGuard,
        CreateApiKeyUseCase,
        ListApiKeysUseCase,
        RevokeApiKeyUseCase,
        CreateTestClockUseCase,
        AdvanceTestClockUseCase,
        GetTestClockUseCase,
        DeleteTestClockUseCase,
        RecordTestClockReportUseCase,
        CatalogRegistry,
        SubscriptionsRepository,
        StartTrialUseCase,
        PurchaseUseCase,
        GetSubscriptionUseCase,
        EndTrialUseCase,
        AnnounceTrialEndingUseCase,
        SubscriptionsJobs,
        PendingChargesRepository,
        DuePeriods,
        RenewSubscriptionUseCase,
        ExpireSubscriptionUseCase,
        AnnounceExpiryUseCase,
        ChangeSeatsUseCase,
        ApplyUnpaidUseCase,
        ChangeEditionUseCase,
        BillEarlyUseCase,
        QuotePriceUseCase,
        ExtendTrialUseCase,
        StaffRequestsRepository,
        GetEntitlementsUseCase,
        CheckEntitlementUseCase,
        RecordUsageUseCase,
        AnnounceCatalogRevisionUseCase,
        CatalogRevisions,
      ],
    };
  }
}
