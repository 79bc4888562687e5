import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AccountCreatedV1,
  AccountCreatedV1Data,
  CloudEvent,
  TestClockAdvancedV1,
  TestClockAdvancedV1Data,
} from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { AdvanceProviderClocksCommand } from './use-cases/advance-provider-clocks/advance-provider-clocks.command';
import { AdvanceProviderClocksUseCase } from './use-cases/advance-provider-clocks/advance-provider-clocks.use-case';
import { RecordAccountProfileCommand } from './use-cases/record-account-profile/record-account-profile.command';
import { RecordAccountProfileUseCase } from './use-cases/record-account-profile/record-account-profile.use-case';

/**
 * What bank debits need to hear: an account's country (account.created) and its test clock's moves
 * (test-clock.advanced, beside the platform's catch-up in the same unit of work, so this service reports
 * the clock caught up only once Stripe's clocks have moved too).
 */
@Controller()
export class DebitsConsumer {
  constructor(
    private readonly recordProfile: RecordAccountProfileUseCase,
    private readonly advanceProviderClocks: AdvanceProviderClocksUseCase,
  ) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordProfile.execute(RecordAccountProfileCommand.create(event.data), uow);
  }

  @EventPattern(TestClockAdvancedV1.type)
  onTestClockAdvanced(@Payload() event: CloudEvent<TestClockAdvancedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.advanceProviderClocks.execute(AdvanceProviderClocksCommand.create(event.data), uow);
  }
}
