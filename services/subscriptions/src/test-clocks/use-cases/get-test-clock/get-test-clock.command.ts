import { checkCommand } from '@obolus/platform';

/** Read a test clock and whether every service has caught up with it. */
export class GetTestClockCommand {
  readonly clockId!: string;

  private constructor(input: Readonly<{ clockId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { clockId: string }): GetTestClockCommand {
    return new GetTestClockCommand(checkCommand('get test clock', { clockId: input.clockId }).uuid('clockId').valid());
  }
}
