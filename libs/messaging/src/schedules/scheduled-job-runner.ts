import { failureKindOf } from '../failure-kind';
import { MessagingLogger, silentLogger } from '../logger';
import { UnitOfWorkRunner } from '../unit-of-work';
import { ACCOUNT_ORDERING, checkedOrdering, JobLanes, jobLanesOf, JobOrdering } from './job-ordering';
import { DEFAULT_JOB_RETRY, JobRetryPolicy, outcomeOfFailure } from './job-retry';
import { JobHandler, JobPayload, ScheduledJob, WallClock } from './scheduled-job';
import { ScheduledJobsRepository } from './scheduled-jobs.repository';

export interface ScheduledJobRunnerOptions {
  /** Opens the unit of work each job runs in (the service's own, with its outbox). */
  unitOfWork: UnitOfWorkRunner;
  repository: ScheduledJobsRepository;
  /** Wall-clock time: what real-time jobs are due against, and when retries wait until. */
  clock: WallClock;
  /** How often `start()` looks for due work. 1 s by default. */
  pollIntervalMs?: number;
  retry?: Partial<JobRetryPolicy>;
  logger?: MessagingLogger;
  /** The jitter of retry waits (tests pin it). */
  random?: () => number;
}

export interface RunDueOptions {
  /** Only the work due on this test clock (by its frozen time); otherwise every due job, real-time and on clocks. */
  clockId?: string;
  /** Stop after this many runs. */
  limit?: number;
}

export interface RunDueResult {
  /** Jobs run and marked done. */
  done: number;
  /** Runs that failed (the job then waits for a retry, or is marked failed). */
  failed: number;
}

/** How a kind of job runs, beside its handler. */
export interface JobKindOptions {
  /** Its ordering among the account's jobs: the account's lane unless it says otherwise (see `JobOrdering`). */
  ordering?: JobOrdering;
}

type Scope = { clockId: string } | 'real-time';

/** Carries a handler's failure out of the unit of work, so the work rolls back whatever the error was. */
class HandlerFailed extends Error {
  constructor(readonly original: unknown) {
    super('scheduled job handler failed');
  }
}

/**
 * Runs due jobs, one at a time, each in its own unit of work: the job is claimed with `FOR UPDATE
 * SKIP LOCKED` (so replicas never run the same job), its handler runs in that unit of work, and it is
 * marked done there. Its effects (outbox events, rows) therefore commit exactly when it is done; a
 * crash at any point leaves it pending, to run again. A failing handler's work rolls back; then, in a
 * second unit of work, the failure is counted and the job waits (capped backoff, wall-clock time,
 * without moving its due instant), or is marked failed: transient failures (`failureKindOf`) are
 * retried for as long as it takes, permanent ones never, unknown ones up to `maxUnknownAttempts` runs.
 * An account's jobs run in due order: a job waits while an earlier pending job of its account waits,
 * in its lane. Every kind is in the account's lane unless it was registered with a lane of its own
 * (ordered only with that lane's kinds) or as unordered: an alert need not wait behind an upload that
 * keeps failing while a provider is down.
 */
export class ScheduledJobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly orderings = new Map<string, JobOrdering>();
  private lanesCache?: JobLanes;
  private readonly retry: JobRetryPolicy;
  private readonly pollIntervalMs: number;
  private readonly logger: MessagingLogger;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(private readonly options: ScheduledJobRunnerOptions) {
    this.retry = { ...DEFAULT_JOB_RETRY, ...options.retry };
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * The handler of one kind of job, and its ordering (the account's lane by default). A kind without a
   * handler is never claimed: its jobs wait. Every runner of a service should declare a kind alike.
   */
  register<P extends JobPayload>(kind: string, handler: JobHandler<P>, options: JobKindOptions = {}): this {
    if (this.handlers.has(kind)) throw new Error(`a handler for scheduled jobs of kind ${kind} is registered already`);
    const ordering = checkedOrdering(kind, options.ordering ?? ACCOUNT_ORDERING);
    this.handlers.set(kind, handler as JobHandler);
    this.orderings.set(kind, ordering);
    this.lanesCache = undefined;
    return this;
  }

  /** The lanes of the registered kinds, as the claiming SQL takes them. */
  lanes(): JobLanes {
    return (this.lanesCache ??= jobLanesOf(this.orderings));
  }

  /**
   * Runs due jobs until none is due (or `limit` runs), one at a time, and says how many ran. With a
   * `clockId`, only that test clock's work, as due by its frozen time.
   */
  runDue(options: RunDueOptions = {}): Promise<RunDueResult> {
    return this.drain(options, () => true);
  }

  /** Polls for due work every `pollIntervalMs` until `stop()`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.poll();
  }

  /** Stops polling; resolves once the job in flight, if any, has finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  private async poll(): Promise<void> {
    while (this.running) {
      try {
        await this.drain({}, () => this.running);
      } catch (error) {
        this.logger.error('scheduled job runner could not claim work', { error: describe(error) });
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollIntervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private async drain(options: RunDueOptions, keepGoing: () => boolean): Promise<RunDueResult> {
    const result: RunDueResult = { done: 0, failed: 0 };
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const runScope = async (scope: Scope): Promise<number> => {
      let runs = 0;
      while (keepGoing() && result.done + result.failed < limit) {
        const outcome = await this.runOne(scope);
        if (outcome === 'none') break;
        result[outcome] += 1;
        runs += 1;
      }
      return runs;
    };
    if (options.clockId) {
      await runScope({ clockId: options.clockId });
      return result;
    }
    // Real-time work, then each clock's; again until a whole pass finds nothing (a handler may plan more).
    for (;;) {
      let runs = await runScope('real-time');
      const clocks = await this.options.unitOfWork.run((uow) =>
        this.options.repository.clocksWithDueJobs(uow, this.options.clock.now(), this.kinds()),
      );
      for (const clockId of clocks) runs += await runScope({ clockId });
      if (runs === 0 || !keepGoing() || result.done + result.failed >= limit) return result;
    }
  }

  private kinds(): string[] {
    return [...this.handlers.keys()];
  }

  /** Claims, runs and marks one due job in one unit of work; 'none' when nothing in scope is due. */
  private async runOne(scope: Scope): Promise<'done' | 'failed' | 'none'> {
    const { repository, clock } = this.options;
    let claimed: ScheduledJob | undefined;
    try {
      await this.options.unitOfWork.run(async (uow) => {
        const now = clock.now();
        claimed =
          scope === 'real-time'
            ? await repository.claimDueRealTime(uow, now, this.kinds(), this.lanes())
            : await repository.claimDueOnClock(uow, scope.clockId, now, this.kinds(), this.lanes());
        if (!claimed) return;
        const handler = this.handlers.get(claimed.kind);
        if (!handler) throw new Error(`no handler for scheduled jobs of kind ${claimed.kind}`);
        try {
          await handler(claimed, uow);
        } catch (error) {
          throw new HandlerFailed(error);
        }
        await repository.markDone(uow, claimed.id, clock.now());
      });
    } catch (error) {
      if (!claimed) throw error; // nothing was claimed, so nothing ran
      await this.recordFailure(claimed, error instanceof HandlerFailed ? error.original : error);
      return 'failed';
    }
    return claimed ? 'done' : 'none';
  }

  private async recordFailure(job: ScheduledJob, error: unknown): Promise<void> {
    const kind = failureKindOf(error);
    const attempts = job.attempts + 1;
    const now = this.options.clock.now();
    const outcome = outcomeOfFailure(kind, attempts, now, this.retry, this.options.random);
    const fields = { jobId: job.id, kind: job.kind, key: job.key, attempts, failure: kind, error: describe(error) };
    try {
      await this.options.unitOfWork.run((uow) =>
        this.options.repository.recordFailure(uow, job.id, {
          error: describe(error),
          attempts,
          retryAt: outcome.status === 'pending' ? outcome.retryAt : null,
          at: now,
        }),
      );
    } catch (recordError) {
      // The job stays pending and is claimed again; only this run goes uncounted.
      this.logger.error('scheduled job failed and its failure could not be recorded', {
        ...fields,
        recordError: describe(recordError),
      });
      return;
    }
    if (outcome.status === 'failed') this.logger.error('scheduled job failed for good', fields);
    else this.logger.warn('scheduled job failed; it will be retried', { ...fields, retryAt: outcome.retryAt.toISOString() });
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
