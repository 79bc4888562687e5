import {
  STAFF_ACTION_NAME_MAX_LENGTH,
  STAFF_ACTION_NAME_PATTERN,
  STAFF_ACTION_REASON_MAX_LENGTH,
  STAFF_ACTION_REASON_MIN_LENGTH,
  StaffActionTakenV1Data,
} from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export type RecordStaffActionInput = StaffActionTakenV1Data & {
  /** The id of the staff.action-taken event: a second delivery of it records nothing. */
  eventId: string;
};

const actionName = new RegExp(STAFF_ACTION_NAME_PATTERN);

/** Keep a staff member's action on an account in the account's audit log: who, what, why, to what. */
export class RecordStaffActionCommand {
  readonly eventId!: string;
  readonly accountId!: string;
  readonly staffUserId!: string;
  readonly staffEmail!: string;
  readonly action!: string;
  readonly reason!: string;
  readonly subject?: { type: string; id: string };
  readonly details?: Record<string, unknown>;
  readonly occurredAt!: string;

  private constructor(input: Readonly<RecordStaffActionInput>) {
    Object.assign(this, input);
  }

  static create(input: RecordStaffActionInput): RecordStaffActionCommand {
    const { eventId, accountId, staffUserId, staffEmail, action, reason, subject, details, occurredAt } = input;
    const reasonLength = typeof reason === 'string' ? reason.trim().length : 0;
    return new RecordStaffActionCommand(
      checkCommand('record staff action', {
        eventId,
        accountId,
        staffUserId,
        staffEmail,
        action,
        reason,
        occurredAt,
        ...(subject ? { subject: { type: subject.type, id: subject.id } } : {}),
        ...(details ? { details: { ...details } } : {}),
      })
        .string('eventId', 200)
        .uuid('accountId')
        .uuid('staffUserId')
        .email('staffEmail')
        .that(
          'action',
          typeof action === 'string' && action.length <= STAFF_ACTION_NAME_MAX_LENGTH && actionName.test(action),
          'must be lowercase words joined by dots or hyphens',
        )
        .that(
          'reason',
          reasonLength >= STAFF_ACTION_REASON_MIN_LENGTH && reason.length <= STAFF_ACTION_REASON_MAX_LENGTH,
          `must be ${STAFF_ACTION_REASON_MIN_LENGTH} to ${STAFF_ACTION_REASON_MAX_LENGTH} characters`,
        )
        .instant('occurredAt')
        .valid(),
    );
  }
}
