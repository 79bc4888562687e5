import { checkCommand } from '@obolus/platform';
import { checkStaffActor, StaffActor } from '@obolus/operations';

export interface RetrySubmissionInput extends StaffActor {
  accountId: string;
  /** The invoice's id, or the credit note's. */
  invoiceId: string;
  /** Why staff retry it (the fix made: an authorisation renewed, ANAF's side repaired); kept with the attempt. */
  reason: string;
  /** `staff:<id>`. */
  retriedBy: string;
}

/** Staff retry a rejected or failed submission: the same stored XML, uploaded again as a new attempt. */
export class RetrySubmissionCommand {
  readonly accountId!: string;
  readonly invoiceId!: string;
  readonly reason!: string;
  readonly retriedBy!: string;
  readonly staffUserId!: string;
  readonly staffEmail!: string;

  private constructor(input: Readonly<RetrySubmissionInput>) {
    Object.assign(this, input);
  }

  static create(input: RetrySubmissionInput): RetrySubmissionCommand {
    const checks = checkCommand('retry submission', input).uuid('accountId').uuid('invoiceId').string('retriedBy', 320);
    return new RetrySubmissionCommand(checkStaffActor(checks, input).valid());
  }
}
