import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AccountCreatedV1, AccountCreatedV1Data, CloudEvent } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { StartTrialCommand } from './use-cases/start-trial/start-trial.command';
import { StartTrialUseCase } from './use-cases/start-trial/start-trial.use-case';

@Controller()
export class SubscriptionsConsumer {
  constructor(private readonly startTrial: StartTrialUseCase) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.startTrial.execute(StartTrialCommand.create(event.data), uow);
  }
}
