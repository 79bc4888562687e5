import { checkCommand } from '../../../command';

/** Move this service's copy of a test clock to a frozen time, run what fell due, and report. */
export class CatchUpTestClockCommand {
  readonly clockId!: string;
  readonly frozenTime!: string;

  private constructor(input: Readonly<{ clockId: string; frozenTime: string }>) {
    Object.assign(this, input);
  }

  static create(input: { clockId: string; frozenTime: string }): CatchUpTestClockCommand {
    return new CatchUpTestClockCommand(
      checkCommand('catch up test clock', { clockId: input.clockId, frozenTime: input.frozenTime })
        .uuid('clockId')
        .instant('frozenTime')
        .valid(),
    );
  }
}
