import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, TestClockCaughtUpV1, TestClockCaughtUpV1Data } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { RecordTestClockReportCommand } from './use-cases/record-test-clock-report/record-test-clock-report.command';
import { RecordTestClockReportUseCase } from './use-cases/record-test-clock-report/record-test-clock-report.use-case';

/** The services' reports that they caught up with a test clock (what makes it `ready`). */
@Controller()
export class TestClockReportsConsumer {
  constructor(private readonly recordReport: RecordTestClockReportUseCase) {}

  @EventPattern(TestClockCaughtUpV1.type)
  onCaughtUp(@Payload() event: CloudEvent<TestClockCaughtUpV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordReport.execute(RecordTestClockReportCommand.create(event.data), uow);
  }
}
