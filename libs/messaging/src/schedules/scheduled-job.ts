import { DomainError, ErrorKind, FieldProblem } from '@obolus/contracts';
import { UnitOfWork } from '../unit-of-work';

/**
 * Where schedules read wall-clock time: the service's `Clock` from `@obolus/platform` fits as it is
 * (messaging cannot import platform, which imports messaging).
 */
export interface WallClock {
  now(): Date;
}

export type JobStatus = 'pending' | 'done' | 'failed';

/** A job's payload: a JSON object, kept as `jsonb`. */
export type JobPayload = Record<string, unknown>;

/** One row of `scheduled_jobs`, as a handler and a test see it. */
export interface ScheduledJob<P extends JobPayload = JobPayload> {
  id: string;
  kind: string;
  /** Unique per kind: scheduling a second job with the same kind and key does nothing. */
  key: string;
  accountId: string;
  /** The test clock the account lived on when the job was scheduled; null for real time. */
  clockId: string | null;
  /** The business instant the job is due at (on the test clock when it has one). Never moved by a retry. */
  dueAt: Date;
  payload: P;
  status: JobStatus;
  /** Failed runs so far. */
  attempts: number;
  lastError: string | null;
  /** After a failed run: the wall-clock instant before which it is not tried again. */
  retryAt: Date | null;
  createdAt: Date;
  doneAt: Date | null;
}

export interface NewScheduledJob<P extends JobPayload = JobPayload> {
  kind: string;
  key: string;
  accountId: string;
  dueAt: Date;
  payload?: P;
}

/**
 * Runs a due job inside the unit of work that claimed it. Its effects go through `uow.emit` (and the
 * service's repositories on `uow`), so they commit exactly when the job is marked done.
 */
export type JobHandler<P extends JobPayload = JobPayload> = (job: ScheduledJob<P>, uow: UnitOfWork) => Promise<void>;

export type ScheduleErrorCode = 'CLOCK_BACKWARDS' | 'INVALID_INSTANT' | 'CLOCK_TIME_UNKNOWN' | 'ACCOUNT_ON_OTHER_CLOCK';

/** A refusal of the schedules layer. */
export class ScheduleError extends DomainError<ScheduleErrorCode> {
  constructor(code: ScheduleErrorCode, message: string, kind: ErrorKind, fields: FieldProblem[] = []) {
    super(code, message, fields, kind);
  }
}
