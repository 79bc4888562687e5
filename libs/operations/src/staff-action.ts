import {
  STAFF_ACTION_REASON_MAX_LENGTH,
  STAFF_ACTION_REASON_MIN_LENGTH,
  StaffActionTakenV1,
  StaffActionTakenV1Data,
} from '@obolus/contracts';
import { NewEvent } from '@obolus/messaging';
import { CommandChecks } from '@obolus/platform';

/** Who acted from the console, and why: the staff principal and the reason they wrote. */
export interface StaffActor {
  staffUserId: string;
  staffEmail: string;
  reason: string;
}

/** The staff member's id and e-mail, and a reason `staff.action-taken` accepts (3 to 500 characters, not blank). */
export function checkStaffActor<T extends StaffActor>(checks: CommandChecks<T>, input: T): CommandChecks<T> {
  return checks
    .uuid('staffUserId')
    .email('staffEmail')
    .text('reason', STAFF_ACTION_REASON_MAX_LENGTH)
    .that(
      'reason',
      // A blank reason is refused once, by text().
      typeof input.reason !== 'string' || !input.reason.trim() || input.reason.trim().length >= STAFF_ACTION_REASON_MIN_LENGTH,
      `must be at least ${STAFF_ACTION_REASON_MIN_LENGTH} characters`,
    );
}

/** `staff.action-taken`: the audit trail of a console action, written in the action's unit of work. */
export function staffActionTaken(
  actor: StaffActor,
  action: string,
  accountId: string,
  at: Date,
  extra: Pick<StaffActionTakenV1Data, 'subject' | 'details'> = {},
): NewEvent<typeof StaffActionTakenV1> {
  return {
    accountId,
    subject: accountId,
    data: {
      accountId,
      staffUserId: actor.staffUserId,
      staffEmail: actor.staffEmail,
      action,
      reason: actor.reason,
      ...extra,
      occurredAt: at.toISOString(),
    },
  };
}
