import { checkCommand } from '@obolus/platform';

/** Ask ANAF once for the state of an uploaded document. */
export class PollSubmissionCommand {
  readonly documentId!: string;
  readonly poll!: number;

  private constructor(input: Readonly<{ documentId: string; poll: number }>) {
    Object.assign(this, input);
  }

  static create(input: { documentId: string; poll: number }): PollSubmissionCommand {
    return new PollSubmissionCommand(
      checkCommand('poll submission', input)
        .uuid('documentId')
        .that('poll', Number.isInteger(input.poll) && input.poll >= 1, 'must be a whole number from 1')
        .valid(),
    );
  }
}
