import { DynamicModule, Module } from '@nestjs/common';
import { AuthConfig, AuthModule } from '@obolus/auth';
import { ServiceConfig, ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';
import { PaymentsInitial1732233600300 } from './database/migrations/1732233600300-payments-initial';
import { CustomerEntity } from './payments/entities/customer.entity';
import { PaymentEntity } from './payments/entities/payment.entity';
import { PaymentsConsumer } from './payments/payments.consumer';
import { PaymentsController } from './payments/payments.controller';
import { PaymentsRepository } from './payments/payments.repository';
import { CollectPaymentUseCase } from './payments/use-cases/collect-payment/collect-payment.use-case';
import { PrepareCardSetupUseCase } from './payments/use-cases/prepare-card-setup/prepare-card-setup.use-case';
import { RecordProviderEventUseCase } from './payments/use-cases/record-provider-event/record-provider-event.use-case';
import { createStripeClient, STRIPE } from './stripe/stripe.provider';

export interface PaymentsConfig extends ServiceConfig, AuthConfig {
  STRIPE_SECRET_KEY: string;
  STRIPE_API_URL: string;
  STRIPE_WEBHOOK_SECRET: string;
}

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
          entities: [CustomerEntity, PaymentEntity],
          migrations: [PaymentsInitial1732233600300],
        }),
        AuthModule.forService({ service: 'payments', config }),
      ],
      controllers: [PaymentsController, PaymentsConsumer],
      providers: [
        { provide: STRIPE, useValue: createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, apiUrl: config.STRIPE_API_URL }) },
        { provide: 'STRIPE_WEBHOOK_SECRET', useValue: config.STRIPE_WEBHOOK_SECRET },
        PaymentsRepository,
        PrepareCardSetupUseCase,
        CollectPaymentUseCase,
        RecordProviderEventUseCase,
      ],
    };
  }
}
