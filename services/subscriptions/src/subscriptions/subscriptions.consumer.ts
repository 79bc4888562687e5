import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AccountCreatedV1,
  AccountCreatedV1Data,
  CloudEvent,
  PaymentFailedV1,
  PaymentFailedV1Data,
  UserJoinedV1,
  UserJoinedV1Data,
  UserRemovedV1,
  UserRemovedV1Data,
} from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { ChangeSeatsCommand } from './use-cases/change-seats/change-seats.command';
import { ChangeSeatsUseCase } from './use-cases/change-seats/change-seats.use-case';
import { ApplyUnpaidCommand } from './use-cases/apply-unpaid/apply-unpaid.command';
import { ApplyUnpaidUseCase } from './use-cases/apply-unpaid/apply-unpaid.use-case';
import { StartTrialCommand } from './use-cases/start-trial/start-trial.command';
import { StartTrialUseCase } from './use-cases/start-trial/start-trial.use-case';

/** What a failed payment tells subscriptions: whether it was the last try. */
const pickUnpaid = ({ accountId, paymentId, failedAt, final }: PaymentFailedV1Data) => ({ accountId, paymentId, failedAt, final: final === true });

@Controller()
export class SubscriptionsConsumer {
  constructor(
    private readonly startTrial: StartTrialUseCase,
    private readonly changeSeats: ChangeSeatsUseCase,
    private readonly applyUnpaid: ApplyUnpaidUseCase,
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

  /** P4: only the last failed try of a payment changes the subscription. */
  @EventPattern(PaymentFailedV1.type)
  onPaymentFailed(@Payload() event: CloudEvent<PaymentFailedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.applyUnpaid.execute(ApplyUnpaidCommand.create(pickUnpaid(event.data)), uow);
  }
}

const pick = ({ accountId, userId }: { accountId: string; userId: string }) => ({ accountId, userId });

