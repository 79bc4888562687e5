import { checkCommand } from '@obolus/platform';

/** The deadline's day is over: record and report it if ANAF has not accepted the document. */
export class RecordMissedDeadlineCommand {
  readonly documentId!: string;

  private constructor(input: Readonly<{ documentId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { documentId: string }): RecordMissedDeadlineCommand {
    return new RecordMissedDeadlineCommand(checkCommand('record missed deadline', input).uuid('documentId').valid());
  }
}
