import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AccountCreatedV1, AccountCreatedV1Data, CloudEvent } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { StartTrialUseCase } from './use-cases/start-trial/start-trial.use-case';

@Controller()
export class SubscriptionsConsumer {
  constructor(private readonly startTrial: StartTrialUseCase) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() context: EventHandlerContext): Promise<void> {
    return this.startTrial.execute(event, context);
  }
}
