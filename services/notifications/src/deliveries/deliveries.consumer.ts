import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AccountCreatedV1, AccountCreatedV1Data, CloudEvent } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { RecordWelcomeUseCase } from './use-cases/record-welcome/record-welcome.use-case';

@Controller()
export class DeliveriesConsumer {
  constructor(private readonly recordWelcome: RecordWelcomeUseCase) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() context: EventHandlerContext): Promise<void> {
    return this.recordWelcome.execute(event, context);
  }
}
