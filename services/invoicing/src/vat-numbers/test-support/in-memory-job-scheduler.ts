import { JobPayload, JobScheduler, NewScheduledJob, UnitOfWork } from '@obolus/messaging';

/** The jobs a use case planned, in memory and in order, for use-case specs (planning a kind and key twice plans once). */
export class InMemoryJobScheduler implements Pick<JobScheduler, 'schedule'> {
  readonly planned: NewScheduledJob[] = [];

  async schedule<P extends JobPayload>(_uow: UnitOfWork, job: NewScheduledJob<P>): Promise<boolean> {
    if (this.planned.some((p) => p.kind === job.kind && p.key === job.key)) return false;
    this.planned.push({ ...job, payload: { ...job.payload } });
    return true;
  }

  /** Takes the planned jobs of a kind out, as a runner would when it runs them. */
  take(kind: string): NewScheduledJob[] {
    const taken = this.planned.filter((job) => job.kind === kind);
    this.planned.splice(0, this.planned.length, ...this.planned.filter((job) => job.kind !== kind));
    return taken;
  }
}
