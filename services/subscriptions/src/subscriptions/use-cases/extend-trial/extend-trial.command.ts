import { checkCommand } from '@obolus/platform';
import { checkStaffActor, StaffActor } from '@obolus/operations';

/** The most days staff may add to a trial at once. */
export const MAX_TRIAL_EXTENSION_DAYS = 90;

/** A printable key of 1 to 255 characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export interface ExtendTrialInput extends StaffActor {
  accountId: string;
  days: number;
  /** The request's Idempotency-Key, when it has one: a retry under it answers the first extension. */
  idempotencyKey?: string;
}

/** Staff add days to an account's trial, saying why (S1). */
export class ExtendTrialCommand implements ExtendTrialInput {
  readonly accountId!: string;
  readonly days!: number;
  readonly staffUserId!: string;
  readonly staffEmail!: string;
  readonly reason!: string;
  readonly idempotencyKey?: string;

  private constructor(input: Readonly<ExtendTrialInput>) {
    Object.assign(this, input);
  }

  static create(input: ExtendTrialInput): ExtendTrialCommand {
    const checks = checkCommand('extend trial', input)
      .uuid('accountId')
      .integer('days', 1, MAX_TRIAL_EXTENSION_DAYS)
      .that(
        'Idempotency-Key',
        input.idempotencyKey === undefined ||
          (typeof input.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(input.idempotencyKey)),
        'must be 1 to 255 printable characters',
      );
    return new ExtendTrialCommand(checkStaffActor(checks, input).valid());
  }
}
