import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@obolus/auth';
import { ServiceModule } from '@obolus/platform';
import { SubscriptionsConfig } from './subscriptions.config';
import { Logger } from 'pino';
import { CatalogController } from './catalog/catalog.controller';
import { CatalogRegistry } from './catalog/catalog-registry';
import { SubscriptionsInitial1732233600200 } from './database/migrations/1732233600200-subscriptions-initial';
import { SubscriptionEntity } from './subscriptions/entities/subscription.entity';
import { SubscriptionsConsumer } from './subscriptions/subscriptions.consumer';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions/subscriptions.repository';
import { PurchaseUseCase } from './subscriptions/use-cases/purchase/purchase.use-case';
import { GetSubscriptionUseCase } from './subscriptions/use-cases/get-subscription/get-subscription.use-case';
import { StartTrialUseCase } from './subscriptions/use-cases/start-trial/start-trial.use-case';
import { SubscriptionsJobs } from './subscriptions/subscriptions-jobs';
import { EndTrialUseCase } from './subscriptions/use-cases/end-trial/end-trial.use-case';
import { AnnounceTrialEndingUseCase } from './subscriptions/use-cases/announce-trial-ending/announce-trial-ending.use-case';

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
          entities: [SubscriptionEntity],
          migrations: [SubscriptionsInitial1732233600200],
        }),
        AuthModule.forService({ service: 'subscriptions', config }),
      ],
      controllers: [CatalogController, SubscriptionsController, SubscriptionsConsumer],
      providers: [
        CatalogRegistry,
        SubscriptionsRepository,
        StartTrialUseCase,
        PurchaseUseCase,
        GetSubscriptionUseCase,
        EndTrialUseCase,
        AnnounceTrialEndingUseCase,
        SubscriptionsJobs,
      ],
    };
  }
}
