import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, StaffActionTakenV1, StaffActionTakenV1Data } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { RecordStaffActionCommand } from './use-cases/record-staff-action/record-staff-action.command';
import { RecordStaffActionUseCase } from './use-cases/record-staff-action/record-staff-action.use-case';

/** Staff actions taken in any service land in the account's audit log, which identity keeps. */
@Controller()
export class StaffActionsConsumer {
  constructor(private readonly recordStaffAction: RecordStaffActionUseCase) {}

  @EventPattern(StaffActionTakenV1.type)
  onStaffActionTaken(@Payload() event: CloudEvent<StaffActionTakenV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordStaffAction.execute(RecordStaffActionCommand.create({ ...event.data, eventId: event.id }), uow);
  }
}
