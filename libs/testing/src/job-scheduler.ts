import { JobPayload, JobScheduler, NewScheduledJob, ScheduledJob, UnitOfWork } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';

/** Scheduled jobs in memory, keyed by kind and key, for use-case specs. */
export class InMemoryJobScheduler implements Pick<JobScheduler, keyof JobScheduler> {
  readonly jobs = new Map<string, ScheduledJob>();

  async schedule<P extends JobPayload>(_uow: UnitOfWork, job: NewScheduledJob<P>): Promise<boolean> {
    const id = `${job.kind}/${job.key}`;
    if (this.jobs.has(id)) return false;
    this.jobs.set(id, {
      id: randomUUID(),
      kind: job.kind,
      key: job.key,
      accountId: job.accountId,
      clockId: null,
      dueAt: job.dueAt,
      payload: job.payload ?? {},
      status: 'pending',
      attempts: 0,
      lastError: null,
      retryAt: null,
      createdAt: job.dueAt,
      doneAt: null,
    });
    return true;
  }

  async reschedule(_uow: UnitOfWork, kind: string, key: string, dueAt: Date): Promise<boolean> {
    const job = this.jobs.get(`${kind}/${key}`);
    if (!job || job.status !== 'pending') return false;
    job.dueAt = dueAt;
    return true;
  }

  async cancel(_uow: UnitOfWork, kind: string, key: string): Promise<boolean> {
    const job = this.jobs.get(`${kind}/${key}`);
    if (!job || job.status !== 'pending') return false;
    this.jobs.delete(`${kind}/${key}`);
    return true;
  }

  async cancelAllOfAccount(_uow: UnitOfWork, accountId: string, kinds: readonly string[]): Promise<number> {
    const gone = [...this.jobs].filter(
      ([, job]) => job.accountId === accountId && job.status === 'pending' && kinds.includes(job.kind),
    );
    for (const [id] of gone) this.jobs.delete(id);
    return gone.length;
  }

  async find(_uow: UnitOfWork, kind: string, key: string): Promise<ScheduledJob | undefined> {
    return this.jobs.get(`${kind}/${key}`);
  }

  /** The pending job of this kind and key, if any. */
  pending(kind: string, key: string): ScheduledJob | undefined {
    const job = this.jobs.get(`${kind}/${key}`);
    return job?.status === 'pending' ? job : undefined;
  }
}
