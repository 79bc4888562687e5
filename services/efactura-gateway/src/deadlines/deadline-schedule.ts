import { addDays, IsoDate, romanianWorkingDaysBefore, startOfDayInZone } from '@obolus/calendar';
import { JobOrdering } from '@obolus/messaging';

/** One alert before a document's deadline (key: `<document id>:<working days left>`). */
export const DEADLINE_ALERT_JOB = 'efactura-deadline-alert';
/** The check, once the deadline's day is over, that the document was accepted (key: the document id). */
export const DEADLINE_MISSED_JOB = 'efactura-deadline-missed';

/**
 * The deadline jobs' lane: ordered among themselves (the 2-day alert, the 1-day alert, the check), not
 * behind the account's uploads and polls, which may retry for days while ANAF is down.
 */
export const DEADLINE_JOBS_ORDERING: JobOrdering = { lane: 'efactura-deadlines' };

export type WorkingDaysLeft = 2 | 1;

/** E2: alerts at 2 and at 1 working day before the deadline. */
export const ALERT_WORKING_DAYS: readonly WorkingDaysLeft[] = [2, 1];

/** Deadlines are Romanian law: days start and end in Romania's time, whatever the account's zone. */
export const DEADLINE_TIME_ZONE = 'Europe/Bucharest';

export type DeadlineAlertPayload = { documentId: string; workingDaysLeft: WorkingDaysLeft };
export type DeadlineMissedPayload = { documentId: string };

/** When the alert with `workingDaysLeft` is due: the start, in Romania, of that working day before the deadline. */
export function deadlineAlertAt(uploadDeadline: IsoDate, workingDaysLeft: WorkingDaysLeft): Date {
  return startOfDayInZone(romanianWorkingDaysBefore(uploadDeadline, workingDaysLeft), DEADLINE_TIME_ZONE);
}

/** When a deadline is missed: the start, in Romania, of the day after it. */
export function deadlineMissedAt(uploadDeadline: IsoDate): Date {
  return startOfDayInZone(addDays(uploadDeadline, 1), DEADLINE_TIME_ZONE);
}
