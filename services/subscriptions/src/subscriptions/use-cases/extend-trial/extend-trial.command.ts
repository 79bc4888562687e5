import { checkCommand } from '@obolus/platform';
import { checkStaffActor, StaffActor } from '../../mappers/staff-action';

/** The most days staff may add to a trial at once. */
export const MAX_TRIAL_EXTENSION_DAYS = 90;

export interface ExtendTrialInput extends StaffActor {
  accountId: string;
  days: number;
}

/** Staff add days to an account's trial, saying why (S1). */
export class ExtendTrialCommand implements ExtendTrialInput {
  readonly accountId!: string;
  readonly days!: number;
  readonly staffUserId!: string;
  readonly staffEmail!: string;
  readonly reason!: string;

  private constructor(input: Readonly<ExtendTrialInput>) {
    Object.assign(this, input);
  }

  static create(input: ExtendTrialInput): ExtendTrialCommand {
    const checks = checkCommand('extend trial', input).uuid('accountId').integer('days', 1, MAX_TRIAL_EXTENSION_DAYS);
    return new ExtendTrialCommand(checkStaffActor(checks, input).valid());
  }
}
