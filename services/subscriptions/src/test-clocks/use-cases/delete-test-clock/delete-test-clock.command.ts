import { checkCommand } from '@obolus/platform';

/** Delete a test clock. */
export class DeleteTestClockCommand {
  readonly clockId!: string;

  private constructor(input: Readonly<{ clockId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { clockId: string }): DeleteTestClockCommand {
    return new DeleteTestClockCommand(checkCommand('delete test clock', { clockId: input.clockId }).uuid('clockId').valid());
  }
}
