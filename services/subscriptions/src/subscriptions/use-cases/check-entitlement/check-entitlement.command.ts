import { checkCommand } from '@obolus/platform';

/** Storage and seat questions are bounded: a petabyte, and the most seats a subscription carries. */
export const MAX_STORE_BYTES = 1_000_000_000_000_000;
export const MAX_ADD_SEATS = 10_000;

export interface CheckEntitlementInput {
  accountId: string;
  /** May the account use this feature? */
  feature?: string;
  /** May it store a document of this many bytes? */
  storeBytes?: number;
  /** May it add this many users? */
  addSeats?: number;
}

/** Ask whether an account may do something (C6, C7). At least one question. */
export class CheckEntitlementCommand implements CheckEntitlementInput {
  readonly accountId!: string;
  readonly feature?: string;
  readonly storeBytes?: number;
  readonly addSeats?: number;

  private constructor(input: Readonly<CheckEntitlementInput>) {
    Object.assign(this, input);
  }

  static create(input: CheckEntitlementInput): CheckEntitlementCommand {
    const check = checkCommand('check entitlement', input)
      .uuid('accountId')
      .that(
        'feature',
        input.feature !== undefined || input.storeBytes !== undefined || input.addSeats !== undefined,
        'ask about at least one of feature, storeBytes, addSeats',
      );
    if (input.feature !== undefined) check.text('feature', 64);
    if (input.storeBytes !== undefined) check.integer('storeBytes', 0, MAX_STORE_BYTES);
    if (input.addSeats !== undefined) check.integer('addSeats', 1, MAX_ADD_SEATS);
    return new CheckEntitlementCommand(check.valid());
  }
}
