import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '../unit-of-work';
import { JobPayload, NewScheduledJob, ScheduledJob } from './scheduled-job';
import { ScheduledJobsRepository } from './scheduled-jobs.repository';

/**
 * Schedules work in the caller's unit of work: the job exists if and only if the change that planned
 * it commits. A job is named by its kind and key (`renewal-due`, `<subscription id>:<period>`), so
 * planning it twice (a redelivered event, a retried request) plans it once.
 */
export class JobScheduler {
  constructor(private readonly repository: ScheduledJobsRepository) {}

  /**
   * Plans a job. The account's test clock, if it lives on one, is copied onto the job now: its due
   * instant is then read against that clock. False, and nothing changed, when the kind and key exist.
   */
  async schedule<P extends JobPayload>(uow: UnitOfWork, job: NewScheduledJob<P>): Promise<boolean> {
    if (Number.isNaN(job.dueAt.getTime())) throw new Error(`job ${job.kind}/${job.key} has an invalid due instant`);
    return this.repository.insertIfAbsent(uow, {
      id: randomUUID(),
      kind: job.kind,
      key: job.key,
      accountId: job.accountId,
      dueAt: job.dueAt,
      payload: job.payload ?? {},
    });
  }

  /** Moves a pending job to a new due instant. False when no pending job has this kind and key. */
  reschedule(uow: UnitOfWork, kind: string, key: string, dueAt: Date): Promise<boolean> {
    if (Number.isNaN(dueAt.getTime())) throw new Error(`job ${kind}/${key} rescheduled to an invalid instant`);
    return this.repository.reschedule(uow, kind, key, dueAt);
  }

  /** Removes a pending job. False when no pending job has this kind and key (done ones stay as history). */
  cancel(uow: UnitOfWork, kind: string, key: string): Promise<boolean> {
    return this.repository.cancel(uow, kind, key);
  }

  /**
   * Removes every pending job of these kinds for the account (a closed account is billed and reminded no
   * more); returns how many. Done and failed ones stay as history.
   */
  cancelAllOfAccount(uow: UnitOfWork, accountId: string, kinds: readonly string[]): Promise<number> {
    return this.repository.cancelPendingOfAccount(uow, accountId, kinds);
  }

  find(uow: UnitOfWork, kind: string, key: string): Promise<ScheduledJob | undefined> {
    return this.repository.find(uow, kind, key);
  }
}
