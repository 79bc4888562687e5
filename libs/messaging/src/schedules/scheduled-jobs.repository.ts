import { UnitOfWork } from '../unit-of-work';
import { ACCOUNT_LANE, ACCOUNT_LANES, JobLanes } from './job-ordering';
import { JobPayload, ScheduledJob } from './scheduled-job';

interface JobRow {
  id: string;
  kind: string;
  job_key: string;
  account_id: string;
  clock_id: string | null;
  due_at: Date;
  payload: JobPayload;
  status: ScheduledJob['status'];
  attempts: number;
  last_error: string | null;
  retry_at: Date | null;
  created_at: Date;
  done_at: Date | null;
}

const COLUMNS =
  'id, kind, job_key, account_id, clock_id, due_at, payload, status, attempts, last_error, retry_at, created_at, done_at';
const J_COLUMNS = COLUMNS.split(', ')
  .map((column) => `j.${column}`)
  .join(', ');

function toJob(row: JobRow): ScheduledJob {
  return {
    id: row.id,
    kind: row.kind,
    key: row.job_key,
    accountId: row.account_id,
    clockId: row.clock_id,
    dueAt: new Date(row.due_at),
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    retryAt: row.retry_at ? new Date(row.retry_at) : null,
    createdAt: new Date(row.created_at),
    doneAt: row.done_at ? new Date(row.done_at) : null,
  };
}

/**
 * All SQL of durable schedules, on the service's schema. Every method works in the caller's unit of
 * work. Updates and deletes are wrapped in a CTE so TypeORM returns their rows like a SELECT's.
 */
export class ScheduledJobsRepository {
  constructor(private readonly schema: string) {}

  private get jobs(): string {
    return `"${this.schema}".scheduled_jobs`;
  }
  private get clockTimes(): string {
    return `"${this.schema}".test_clock_times`;
  }
  private get accountClocks(): string {
    return `"${this.schema}".account_clocks`;
  }

  /** Inserts unless a job with this kind and key exists; copies the account's test clock. True when inserted. */
  async insertIfAbsent(
    uow: UnitOfWork,
    job: { id: string; kind: string; key: string; accountId: string; dueAt: Date; payload: JobPayload },
  ): Promise<boolean> {
    const rows: unknown[] = await uow.manager.query(
      `INSERT INTO ${this.jobs} (id, kind, job_key, account_id, clock_id, due_at, payload)
       VALUES ($1, $2, $3, $4, (SELECT clock_id FROM ${this.accountClocks} WHERE account_id = $4), $5, $6::jsonb)
       ON CONFLICT (kind, job_key) DO NOTHING
       RETURNING id`,
      [job.id, job.kind, job.key, job.accountId, job.dueAt, JSON.stringify(job.payload)],
    );
    return rows.length > 0;
  }

  /** Moves a pending job's due instant (and lifts a retry's wait). True when a pending job was moved. */
  async reschedule(uow: UnitOfWork, kind: string, key: string, dueAt: Date): Promise<boolean> {
    const rows: unknown[] = await uow.manager.query(
      `WITH moved AS (
         UPDATE ${this.jobs} SET due_at = $3, retry_at = NULL
          WHERE kind = $1 AND job_key = $2 AND status = 'pending'
         RETURNING id)
       SELECT id FROM moved`,
      [kind, key, dueAt],
    );
    return rows.length > 0;
  }

  /** Deletes a pending job. True when there was one. */
  async cancel(uow: UnitOfWork, kind: string, key: string): Promise<boolean> {
    const rows: unknown[] = await uow.manager.query(
      `WITH gone AS (
         DELETE FROM ${this.jobs} WHERE kind = $1 AND job_key = $2 AND status = 'pending'
         RETURNING id)
       SELECT id FROM gone`,
      [kind, key],
    );
    return rows.length > 0;
  }

  /** Deletes the account's pending jobs of these kinds; returns how many. */
  async cancelPendingOfAccount(uow: UnitOfWork, accountId: string, kinds: readonly string[]): Promise<number> {
    const rows: unknown[] = await uow.manager.query(
      `WITH gone AS (
         DELETE FROM ${this.jobs} WHERE account_id = $1 AND kind = ANY($2::text[]) AND status = 'pending'
         RETURNING id)
       SELECT id FROM gone`,
      [accountId, kinds],
    );
    return rows.length;
  }

  async find(uow: UnitOfWork, kind: string, key: string): Promise<ScheduledJob | undefined> {
    const rows: JobRow[] = await uow.manager.query(`SELECT ${COLUMNS} FROM ${this.jobs} WHERE kind = $1 AND job_key = $2`, [
      kind,
      key,
    ]);
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  /**
   * Locks the first due real-time job (no test clock) of the given kinds, skipping jobs another
   * runner holds. Due: `due_at <= now`, its retry wait over, and no earlier pending job of its account
   * in its lane (an account's jobs of one lane run in due order, one at a time; `lanes` says which
   * kinds have a lane of their own or none, every other kind is in the account's lane).
   */
  async claimDueRealTime(
    uow: UnitOfWork,
    now: Date,
    kinds: readonly string[],
    lanes: JobLanes = ACCOUNT_LANES,
  ): Promise<ScheduledJob | undefined> {
    const rows: JobRow[] = await uow.manager.query(
      `SELECT ${J_COLUMNS} FROM ${this.jobs} j
        WHERE j.status = 'pending' AND j.clock_id IS NULL AND j.due_at <= $1
          AND (j.retry_at IS NULL OR j.retry_at <= $1)
          AND j.kind = ANY($2::text[])
          AND ${this.noEarlierPendingInLane(3, 4)}
        ORDER BY j.due_at, j.id
        LIMIT 1
        FOR UPDATE OF j SKIP LOCKED`,
      [now, kinds, JSON.stringify(lanes.lanes), lanes.unordered],
    );
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  /**
   * Locks the first due job on a test clock: `due_at` at or before the clock's frozen time (a clock
   * this service has no time for has nothing due), with the same retry and lane-order rules.
   */
  async claimDueOnClock(
    uow: UnitOfWork,
    clockId: string,
    now: Date,
    kinds: readonly string[],
    lanes: JobLanes = ACCOUNT_LANES,
  ): Promise<ScheduledJob | undefined> {
    const rows: JobRow[] = await uow.manager.query(
      `SELECT ${J_COLUMNS} FROM ${this.jobs} j
         JOIN ${this.clockTimes} t ON t.clock_id = j.clock_id
        WHERE j.clock_id = $1 AND j.status = 'pending' AND j.due_at <= t.frozen_time
          AND (j.retry_at IS NULL OR j.retry_at <= $2)
          AND j.kind = ANY($3::text[])
          AND ${this.noEarlierPendingInLane(4, 5)}
        ORDER BY j.due_at, j.id
        LIMIT 1
        FOR UPDATE OF j SKIP LOCKED`,
      [clockId, now, kinds, JSON.stringify(lanes.lanes), lanes.unordered],
    );
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  /**
   * An unordered kind never waits; any other job waits while an earlier pending job of its account is
   * in its lane (unordered jobs hold nothing back). `$lanes` is a jsonb object of kind → lane for the
   * kinds outside the account lane, `$unordered` a text[] of the unordered kinds.
   */
  private noEarlierPendingInLane(lanesParam: number, unorderedParam: number): string {
    const laneOf = (alias: string) => `COALESCE($${lanesParam}::jsonb ->> ${alias}.kind, '${ACCOUNT_LANE}')`;
    return `(j.kind = ANY($${unorderedParam}::text[]) OR NOT EXISTS (
              SELECT 1 FROM ${this.jobs} e
               WHERE e.account_id = j.account_id AND e.status = 'pending' AND (e.due_at, e.id) < (j.due_at, j.id)
                 AND NOT (e.kind = ANY($${unorderedParam}::text[]))
                 AND ${laneOf('e')} = ${laneOf('j')}))`;
  }

  /** Test clocks with at least one job of these kinds due on them, ignoring account order. */
  async clocksWithDueJobs(uow: UnitOfWork, now: Date, kinds: readonly string[]): Promise<string[]> {
    const rows: { clock_id: string }[] = await uow.manager.query(
      `SELECT t.clock_id FROM ${this.clockTimes} t
        WHERE EXISTS (
          SELECT 1 FROM ${this.jobs} j
           WHERE j.clock_id = t.clock_id AND j.status = 'pending' AND j.due_at <= t.frozen_time
             AND (j.retry_at IS NULL OR j.retry_at <= $1) AND j.kind = ANY($2::text[]))
        ORDER BY t.clock_id`,
      [now, kinds],
    );
    return rows.map((row) => row.clock_id);
  }

  /**
   * Pending jobs due on a test clock by its frozen time, whatever their retry wait: zero means this
   * service has done all the clock's work (what the clock's readiness will ask).
   */
  async countDueOnClock(uow: UnitOfWork, clockId: string): Promise<number> {
    const rows: { n: number }[] = await uow.manager.query(
      `SELECT count(*)::int AS n FROM ${this.jobs} j JOIN ${this.clockTimes} t ON t.clock_id = j.clock_id
        WHERE j.clock_id = $1 AND j.status = 'pending' AND j.due_at <= t.frozen_time`,
      [clockId],
    );
    return rows[0]?.n ?? 0;
  }

  async markDone(uow: UnitOfWork, id: string, at: Date): Promise<void> {
    await uow.manager.query(
      `WITH done AS (UPDATE ${this.jobs} SET status = 'done', done_at = $2, retry_at = NULL WHERE id = $1 RETURNING id)
       SELECT id FROM done`,
      [id, at],
    );
  }

  /**
   * Counts a failed run of a pending job: `retryAt` null marks it failed for good. Returns the job as
   * it now is, or undefined when it is no longer pending (another runner finished it meanwhile).
   */
  async recordFailure(
    uow: UnitOfWork,
    id: string,
    failure: { error: string; attempts: number; retryAt: Date | null; at: Date },
  ): Promise<ScheduledJob | undefined> {
    const rows: JobRow[] = await uow.manager.query(
      `WITH failed AS (
         UPDATE ${this.jobs}
            SET attempts = $2, last_error = $3, retry_at = $4,
                status = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
                done_at = CASE WHEN $4::timestamptz IS NULL THEN $5::timestamptz ELSE NULL END
          WHERE id = $1 AND status = 'pending'
         RETURNING ${COLUMNS})
       SELECT * FROM failed`,
      [id, failure.attempts, failure.error, failure.retryAt, failure.at],
    );
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  // ---- test clocks ----

  async clockOfAccount(uow: UnitOfWork, accountId: string): Promise<string | undefined> {
    const rows: { clock_id: string }[] = await uow.manager.query(
      `SELECT clock_id FROM ${this.accountClocks} WHERE account_id = $1`,
      [accountId],
    );
    return rows[0]?.clock_id;
  }

  /** Puts the account on the clock unless it is on one already; returns the clock it is on. */
  async assignClock(uow: UnitOfWork, accountId: string, clockId: string): Promise<string> {
    // The no-op update makes the statement return the clock already held.
    const rows: { clock_id: string }[] = await uow.manager.query(
      `INSERT INTO ${this.accountClocks} AS a (account_id, clock_id) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET clock_id = a.clock_id
       RETURNING clock_id`,
      [accountId, clockId],
    );
    return rows[0]?.clock_id ?? clockId;
  }

  /** Moves the account's pending real-time jobs onto its clock (jobs scheduled before the assignment arrived). */
  async movePendingJobsToClock(uow: UnitOfWork, accountId: string, clockId: string): Promise<number> {
    const rows: unknown[] = await uow.manager.query(
      `WITH moved AS (
         UPDATE ${this.jobs} SET clock_id = $2
          WHERE account_id = $1 AND status = 'pending' AND clock_id IS NULL
         RETURNING id)
       SELECT id FROM moved`,
      [accountId, clockId],
    );
    return rows.length;
  }

  async clockTime(uow: UnitOfWork, clockId: string): Promise<Date | undefined> {
    const rows: { frozen_time: Date }[] = await uow.manager.query(
      `SELECT frozen_time FROM ${this.clockTimes} WHERE clock_id = $1`,
      [clockId],
    );
    return rows[0] ? new Date(rows[0].frozen_time) : undefined;
  }

  /**
   * Sets the clock's time when the clock is new here or the time is not earlier than the one held;
   * a move backwards changes nothing and returns the time held.
   */
  async advanceClock(
    uow: UnitOfWork,
    clockId: string,
    frozenTime: Date,
    at: Date,
  ): Promise<{ moved: true } | { moved: false; heldTime: Date }> {
    const rows: unknown[] = await uow.manager.query(
      `INSERT INTO ${this.clockTimes} AS t (clock_id, frozen_time, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (clock_id) DO UPDATE SET frozen_time = EXCLUDED.frozen_time, updated_at = EXCLUDED.updated_at
        WHERE t.frozen_time <= EXCLUDED.frozen_time
       RETURNING clock_id`,
      [clockId, frozenTime, at],
    );
    if (rows.length > 0) return { moved: true };
    const heldTime = await this.clockTime(uow, clockId);
    if (!heldTime) throw new Error(`test clock ${clockId} refused a move but holds no time`);
    return { moved: false, heldTime };
  }
}
