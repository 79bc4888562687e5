import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, SubscriptionChangedV1, SubscriptionChangedV1Data } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { RecordSeatLimitCommand } from './use-cases/record-seat-limit/record-seat-limit.command';
import { RecordSeatLimitUseCase } from './use-cases/record-seat-limit/record-seat-limit.use-case';

/** identity learns each account's seat limit from subscriptions' events, never by asking. */
@Controller()
export class SeatLimitsConsumer {
  constructor(private readonly recordSeatLimit: RecordSeatLimitUseCase) {}

  @EventPattern(SubscriptionChangedV1.type)
  onSubscriptionChanged(@Payload() event: CloudEvent<SubscriptionChangedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordSeatLimit.execute(RecordSeatLimitCommand.create(event.data), uow);
  }
}
