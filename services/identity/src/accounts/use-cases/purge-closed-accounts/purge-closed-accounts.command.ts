import { checkCommand } from '@obolus/platform';

export interface PurgeClosedAccountsInput {
  /** At most this many accounts in one run; the next poll takes the rest. */
  batch?: number;
}

/** Purge the closed accounts whose retention has passed (A3). */
export class PurgeClosedAccountsCommand {
  readonly batch!: number;

  private constructor(input: Readonly<Required<PurgeClosedAccountsInput>>) {
    Object.assign(this, input);
  }

  static create(input: PurgeClosedAccountsInput = {}): PurgeClosedAccountsCommand {
    return new PurgeClosedAccountsCommand(
      checkCommand('purge closed accounts', { batch: input.batch ?? 20 })
        .integer('batch', 1, 1000)
        .valid(),
    );
  }
}
