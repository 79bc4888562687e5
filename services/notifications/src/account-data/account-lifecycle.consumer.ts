import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AccountPurgedV1, AccountPurgedV1Data, CloudEvent } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { PurgeAccountDataCommand } from './use-cases/purge-account-data/purge-account-data.command';
import { PurgeAccountDataUseCase } from './use-cases/purge-account-data/purge-account-data.use-case';

/** A closed account's purge (A3). */
@Controller()
export class AccountLifecycleConsumer {
  constructor(private readonly purgeData: PurgeAccountDataUseCase) {}

  @EventPattern(AccountPurgedV1.type)
  onPurged(@Payload() event: CloudEvent<AccountPurgedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.purgeData.execute(
      PurgeAccountDataCommand.create({ accountId: event.data.accountId, purgedAt: event.data.purgedAt }),
      uow,
    );
  }
}
