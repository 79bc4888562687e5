import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AccountCreatedV1,
  AccountCreatedV1Data,
  CloudEvent,
  TestClockAdvancedV1,
  TestClockAdvancedV1Data,
  TestClockCreatedV1,
  TestClockCreatedV1Data,
} from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { AssignAccountClockCommand } from './use-cases/assign-account-clock/assign-account-clock.command';
import { AssignAccountClockUseCase } from './use-cases/assign-account-clock/assign-account-clock.use-case';
import { CatchUpTestClockCommand } from './use-cases/catch-up-test-clock/catch-up-test-clock.command';
import { CatchUpTestClockUseCase } from './use-cases/catch-up-test-clock/catch-up-test-clock.use-case';

/** Every service follows the test clocks: their time, and the work that falls due by it. */
@Controller()
export class TestClocksConsumer {
  constructor(private readonly catchUp: CatchUpTestClockUseCase) {}

  @EventPattern(TestClockCreatedV1.type)
  onCreated(@Payload() event: CloudEvent<TestClockCreatedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.catchUp.execute(CatchUpTestClockCommand.create(event.data), uow);
  }

  @EventPattern(TestClockAdvancedV1.type)
  onAdvanced(@Payload() event: CloudEvent<TestClockAdvancedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.catchUp.execute(CatchUpTestClockCommand.create(event.data), uow);
  }
}

/**
 * Which accounts live on a test clock, from account.created (every service but identity, which
 * assigns the clock in sign-up's own unit of work). Runs beside the service's own handler of the event.
 */
@Controller()
export class AccountClocksConsumer {
  constructor(private readonly assign: AssignAccountClockUseCase) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.assign.execute(AssignAccountClockCommand.create(event.data), uow);
  }
}
