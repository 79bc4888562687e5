import { checkCommand } from '@obolus/platform';

export const MAX_STORAGE_DELTA = 1_000_000_000_000_000;

export interface RecordUsageInput {
  accountId: string;
  /** The reporter's id of this report: the same id again counts once. */
  usageId: string;
  /** Bytes stored (positive) or freed (negative). */
  storageDeltaBytes: number;
}

/** Report storage used or freed by an account (C6). */
export class RecordUsageCommand implements RecordUsageInput {
  readonly accountId!: string;
  readonly usageId!: string;
  readonly storageDeltaBytes!: number;

  private constructor(input: Readonly<RecordUsageInput>) {
    Object.assign(this, input);
  }

  static create(input: RecordUsageInput): RecordUsageCommand {
    return new RecordUsageCommand(
      checkCommand('record usage', input)
        .uuid('accountId')
        .text('usageId', 200)
        .integer('storageDeltaBytes', -MAX_STORAGE_DELTA, MAX_STORAGE_DELTA)
        .valid(),
    );
  }
}
