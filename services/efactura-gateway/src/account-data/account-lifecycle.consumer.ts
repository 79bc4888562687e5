import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AccountClosureRequestedV1,
  AccountClosureRequestedV1Data,
  AccountPurgedV1,
  AccountPurgedV1Data,
  CloudEvent,
} from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { PurgeAccountDataCommand } from './use-cases/purge-account-data/purge-account-data.command';
import { PurgeAccountDataUseCase } from './use-cases/purge-account-data/purge-account-data.use-case';
import { StopAccountBillingCommand } from './use-cases/stop-account-billing/stop-account-billing.command';
import { StopAccountBillingUseCase } from './use-cases/stop-account-billing/stop-account-billing.use-case';

/** An account's closure and, after its retention, its purge (A3). */
@Controller()
export class AccountLifecycleConsumer {
  constructor(
    private readonly stopBilling: StopAccountBillingUseCase,
    private readonly purgeData: PurgeAccountDataUseCase,
  ) {}

  @EventPattern(AccountClosureRequestedV1.type)
  onClosureRequested(
    @Payload() event: CloudEvent<AccountClosureRequestedV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.stopBilling.execute(StopAccountBillingCommand.create({ accountId: event.data.accountId }), uow);
  }

  @EventPattern(AccountPurgedV1.type)
  onPurged(@Payload() event: CloudEvent<AccountPurgedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.purgeData.execute(
      PurgeAccountDataCommand.create({ accountId: event.data.accountId, purgedAt: event.data.purgedAt }),
      uow,
    );
  }
}
