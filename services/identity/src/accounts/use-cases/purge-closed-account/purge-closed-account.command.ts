import { checkCommand } from '@obolus/platform';

export interface PurgeClosedAccountInput {
  accountId: string;
}

/** Purge one closed account whose retention has passed (A3). */
export class PurgeClosedAccountCommand implements PurgeClosedAccountInput {
  readonly accountId!: string;

  private constructor(input: Readonly<PurgeClosedAccountInput>) {
    Object.assign(this, input);
  }

  static create(input: PurgeClosedAccountInput): PurgeClosedAccountCommand {
    return new PurgeClosedAccountCommand(checkCommand('purge closed account', input).uuid('accountId').valid());
  }
}
