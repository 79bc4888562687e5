import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AccountCreatedV1,
  AccountCreatedV1Data,
  CloudEvent,
  UserJoinedV1,
  UserJoinedV1Data,
  UserRemovedV1,
  UserRemovedV1Data,
} from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { ChangeSeatsCommand } from './use-cases/change-seats/change-seats.command';
import { ChangeSeatsUseCase } from './use-cases/change-seats/change-seats.use-case';
import { StartTrialCommand } from './use-cases/start-trial/start-trial.command';
import { StartTrialUseCase } from './use-cases/start-trial/start-trial.use-case';

@Controller()
export class SubscriptionsConsumer {
  constructor(
    private readonly startTrial: StartTrialUseCase,
    private readonly changeSeats: ChangeSeatsUseCase,
  ) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.startTrial.execute(StartTrialCommand.create(event.data), uow);
  }

  @EventPattern(UserJoinedV1.type)
  onUserJoined(@Payload() event: CloudEvent<UserJoinedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.changeSeats.execute(ChangeSeatsCommand.create({ ...pick(event.data), change: 'joined' }), uow);
  }

  @EventPattern(UserRemovedV1.type)
  onUserRemoved(@Payload() event: CloudEvent<UserRemovedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.changeSeats.execute(ChangeSeatsCommand.create({ ...pick(event.data), change: 'removed' }), uow);
  }
}

const pick = ({ accountId, userId }: { accountId: string; userId: string }) => ({ accountId, userId });
