import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, SERVICE_KEYS } from '@obolus/auth';
import { ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';
import { PaymentsConfig } from './payments.config';
import { PaymentsInitial1732233600300 } from './database/migrations/1732233600300-payments-initial';
import { Dunning1796688000300 } from './database/migrations/1796688000300-dunning';
import { Refunds1796688000310 } from './database/migrations/1796688000310-refunds';
import { BankTransfers1796688000320 } from './database/migrations/1796688000320-bank-transfers';
import { BankDebits1796688000340 } from './database/migrations/1796688000340-bank-debits';
import { Paypal1796688000330 } from './database/migrations/1796688000330-paypal';
import { PaypalClient } from '@obolus/paypal';
import { PaypalController } from './paypal/paypal.controller';
import { PaypalPaymentsRepository } from './paypal/paypal-payments.repository';
import { PaypalSettings } from './paypal/paypal-settings';
import { PaypalSettlement } from './paypal/paypal-settlement';
import { CapturePaypalOrderUseCase } from './paypal/use-cases/capture-paypal-order/capture-paypal-order.use-case';
import { RecordPaypalEventUseCase } from './paypal/use-cases/record-paypal-event/record-paypal-event.use-case';
import { StartPaypalCheckoutUseCase } from './paypal/use-cases/start-paypal-checkout/start-paypal-checkout.use-case';
import { BankTransfersConsumer } from './bank-transfers/bank-transfers.consumer';
import { StaffBankTransfersController } from './bank-transfers/bank-transfers.controller';
import { BankTransfersRepository } from './bank-transfers/bank-transfers.repository';
import { BankStatementEntryEntity } from './bank-transfers/entities/bank-statement-entry.entity';
import { BankStatementEntity } from './bank-transfers/entities/bank-statement.entity';
import { BankTransferEntity } from './bank-transfers/entities/bank-transfer.entity';
import { AwaitBankTransferUseCase } from './bank-transfers/use-cases/await-bank-transfer/await-bank-transfer.use-case';
import { ImportBankStatementUseCase } from './bank-transfers/use-cases/import-bank-statement/import-bank-statement.use-case';
import { ListUnmatchedEntriesUseCase } from './bank-transfers/use-cases/list-unmatched-entries/list-unmatched-entries.use-case';
import { RecordStaffTransferUseCase } from './bank-transfers/use-cases/record-staff-transfer/record-staff-transfer.use-case';
import { RefundEntity } from './refunds/entities/refund.entity';
import { RefundSettlement } from './refunds/refund-settlement';
import { RefundsController, StaffRefundsController } from './refunds/refunds.controller';
import { RefundsRepository } from './refunds/refunds.repository';
import { ListRefundsUseCase } from './refunds/use-cases/list-refunds/list-refunds.use-case';
import { RefundPaymentUseCase } from './refunds/use-cases/refund-payment/refund-payment.use-case';
import { Dunning } from './payments/dunning';
import { PaymentsJobs } from './payments/payments-jobs';
import { RetryPaymentUseCase } from './payments/use-cases/retry-payment/retry-payment.use-case';
import { CustomerEntity } from './payments/entities/customer.entity';
import { AccountProfileEntity } from './payments/entities/account-profile.entity';
import { SavedPaymentMethodEntity } from './payments/entities/saved-payment-method.entity';
import { DebitsConsumer } from './payments/debits.consumer';
import { SavedMethods } from './payments/saved-methods';
import { AdvanceProviderClocksUseCase } from './payments/use-cases/advance-provider-clocks/advance-provider-clocks.use-case';
import { RecordAccountProfileUseCase } from './payments/use-cases/record-account-profile/record-account-profile.use-case';
import { PaymentEntity } from './payments/entities/payment.entity';
import { PaymentsConsumer } from './payments/payments.consumer';
import { PaymentsController } from './payments/payments.controller';
import { PaymentsRepository } from './payments/payments.repository';
import { CollectPaymentUseCase } from './payments/use-cases/collect-payment/collect-payment.use-case';
import { PrepareCardSetupUseCase } from './payments/use-cases/prepare-card-setup/prepare-card-setup.use-case';
import { RecordProviderEventUseCase } from './payments/use-cases/record-provider-event/record-provider-event.use-case';
import { GetPaymentMethodsUseCase } from './payments/use-cases/get-payment-methods/get-payment-methods.use-case';
import { ListPaymentsUseCase } from './payments/use-cases/list-payments/list-payments.use-case';
import { StripeGateway } from './stripe/stripe-gateway';
import { StripeWebhookVerifier } from './stripe/stripe-webhook-verifier';
import { createStripeClient, SdkStripeGateway } from './stripe/stripe.provider';
import { AccountDataRepository } from './account-data/account-data.repository';
import { AccountLifecycleConsumer } from './account-data/account-lifecycle.consumer';
import { InternalAccountDataController } from './account-data/internal-account-data.controller';
import { ExportAccountDataUseCase } from './account-data/use-cases/export-account-data/export-account-data.use-case';
import { PurgeAccountDataUseCase } from './account-data/use-cases/purge-account-data/purge-account-data.use-case';
import { StopAccountBillingUseCase } from './account-data/use-cases/stop-account-billing/stop-account-billing.use-case';
import { OperationsModule } from '@obolus/operations';

@Module({})
export class PaymentsModule {
  static forRoot(config: PaymentsConfig, logger: Logger): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [
        ServiceModule.forRoot({
          service: 'payments',
          config,
          logger,
          entities: [
            CustomerEntity,
            PaymentEntity,
            RefundEntity,
            BankStatementEntity,
            BankStatementEntryEntity,
            BankTransferEntity,
            AccountProfileEntity,
            SavedPaymentMethodEntity,
          ],
          migrations: [
            PaymentsInitial1732233600300,
            Dunning1796688000300,
            Refunds1796688000310,
            BankTransfers1796688000320,
            BankDebits1796688000340,
            Paypal1796688000330,
          ],
        }),
        AuthModule.forService({ service: 'payments', config }),
        OperationsModule,
      ],
      controllers: [
        PaymentsController,
        PaymentsConsumer,
        RefundsController,
        StaffRefundsController,
        InternalAccountDataController,
        AccountLifecycleConsumer,
        StaffBankTransfersController,
        BankTransfersConsumer,
        DebitsConsumer,
        PaypalController,
      ],
      providers: [
        { provide: SERVICE_KEYS, useValue: config.INTERNAL_API_KEYS ?? new Map<string, string>() },
        AccountDataRepository,
        ExportAccountDataUseCase,
        StopAccountBillingUseCase,
        PurgeAccountDataUseCase,
        {
          provide: StripeGateway,
          useValue: new SdkStripeGateway(
            createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, apiUrl: config.STRIPE_API_URL }),
          ),
        },
        { provide: StripeWebhookVerifier, useValue: new StripeWebhookVerifier(config.STRIPE_WEBHOOK_SECRET) },
        PaymentsRepository,
        PrepareCardSetupUseCase,
        GetPaymentMethodsUseCase,
        ListPaymentsUseCase,
        CollectPaymentUseCase,
        RecordProviderEventUseCase,
        Dunning,
        RetryPaymentUseCase,
        PaymentsJobs,
        RefundsRepository,
        RefundSettlement,
        RefundPaymentUseCase,
        ListRefundsUseCase,
        BankTransfersRepository,
        AwaitBankTransferUseCase,
        ImportBankStatementUseCase,
        ListUnmatchedEntriesUseCase,
        RecordStaffTransferUseCase,
        SavedMethods,
        RecordAccountProfileUseCase,
        AdvanceProviderClocksUseCase,
        {
          provide: PaypalClient,
          useValue: new PaypalClient({
            baseUrl: config.PAYPAL_API_URL,
            clientId: config.PAYPAL_CLIENT_ID,
            clientSecret: config.PAYPAL_CLIENT_SECRET,
          }),
        },
        { provide: PaypalSettings, useValue: new PaypalSettings(config.PAYPAL_WEBHOOK_ID, config.PAYPAL_RETURN_URL) },
        PaypalPaymentsRepository,
        PaypalSettlement,
        StartPaypalCheckoutUseCase,
        CapturePaypalOrderUseCase,
        RecordPaypalEventUseCase,
      ],
    };
  }
}
