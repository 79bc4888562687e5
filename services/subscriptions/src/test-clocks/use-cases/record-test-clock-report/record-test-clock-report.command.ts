import { TEST_CLOCK_FOLLOWERS, TestClockFollower } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface RecordTestClockReportInput {
  clockId: string;
  frozenTime: string;
  service: TestClockFollower;
}

/** A service reported that it ran the work due on a test clock by a frozen time. */
export class RecordTestClockReportCommand {
  readonly clockId!: string;
  readonly frozenTime!: string;
  readonly service!: TestClockFollower;

  private constructor(input: Readonly<RecordTestClockReportInput>) {
    Object.assign(this, input);
  }

  static create(input: RecordTestClockReportInput): RecordTestClockReportCommand {
    return new RecordTestClockReportCommand(
      checkCommand('record test clock report', { clockId: input.clockId, frozenTime: input.frozenTime, service: input.service })
        .uuid('clockId')
        .instant('frozenTime')
        .oneOf('service', TEST_CLOCK_FOLLOWERS)
        .valid(),
    );
  }
}
