import { checkCommand } from '../../../command';

/** Put an account on the test clock it was created on (account.created with a testClockId). */
export class AssignAccountClockCommand {
  readonly accountId!: string;
  /** Absent: the account lives in real time, and nothing is done. */
  readonly testClockId?: string;

  private constructor(input: Readonly<{ accountId: string; testClockId?: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string; testClockId?: string }): AssignAccountClockCommand {
    return new AssignAccountClockCommand(
      checkCommand('assign account clock', { accountId: input.accountId, testClockId: input.testClockId })
        .uuid('accountId')
        .optionalUuid('testClockId')
        .valid(),
    );
  }
}
