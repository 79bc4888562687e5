import { checkCommand } from '@obolus/platform';

export interface AdvanceTestClockInput {
  clockId: string;
  frozenTime: string;
}

/** Move a test clock forward to a frozen time. */
export class AdvanceTestClockCommand {
  readonly clockId!: string;
  readonly frozenTime!: string;

  private constructor(input: Readonly<AdvanceTestClockInput>) {
    Object.assign(this, input);
  }

  static create(input: AdvanceTestClockInput): AdvanceTestClockCommand {
    return new AdvanceTestClockCommand(
      checkCommand('advance test clock', { clockId: input.clockId, frozenTime: input.frozenTime })
        .uuid('clockId')
        .instant('frozenTime')
        .valid(),
    );
  }
}
