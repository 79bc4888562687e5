import { checkCommand } from '@obolus/platform';

export interface PurgeAccountDataInput {
  accountId: string;
  /** When identity purged the account (account.purged). */
  purgedAt: string;
}

/** The closed account's retention ended: this service deletes its personal data, keeping what the law requires. */
export class PurgeAccountDataCommand implements PurgeAccountDataInput {
  readonly accountId!: string;
  readonly purgedAt!: string;

  private constructor(input: Readonly<PurgeAccountDataInput>) {
    Object.assign(this, input);
  }

  static create(input: PurgeAccountDataInput): PurgeAccountDataCommand {
    return new PurgeAccountDataCommand(checkCommand('purge account data', input).uuid('accountId').instant('purgedAt').valid());
  }
}
