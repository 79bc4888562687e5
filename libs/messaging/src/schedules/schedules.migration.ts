import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable schedules, in the schema of the service whose migrations include this class:
 * - `scheduled_jobs`: work due at an instant (trial end, renewal, expiry, notices), claimed by a
 *   `ScheduledJobRunner` with `FOR UPDATE SKIP LOCKED`;
 * - `test_clock_times`: this service's copy of each test clock's frozen time;
 * - `account_clocks`: which accounts live on a test clock.
 */
export class ScheduledJobs1795737600000 implements MigrationInterface {
  name = 'ScheduledJobs1795737600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = serviceSchemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".scheduled_jobs (
        id         uuid PRIMARY KEY,
        kind       text NOT NULL,
        job_key    text NOT NULL,
        account_id uuid NOT NULL,
        clock_id   uuid,
        due_at     timestamptz NOT NULL,
        payload    jsonb NOT NULL DEFAULT '{}'::jsonb,
        status     text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
        attempts   integer NOT NULL DEFAULT 0,
        last_error text,
        retry_at   timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at    timestamptz,
        CONSTRAINT scheduled_jobs_kind_key UNIQUE (kind, job_key)
      )`);
    // Claiming real-time work: pending jobs in due order.
    await queryRunner.query(
      `CREATE INDEX scheduled_jobs_due_idx ON "${schema}".scheduled_jobs (due_at, id) WHERE status = 'pending' AND clock_id IS NULL`,
    );
    // Claiming a test clock's work.
    await queryRunner.query(
      `CREATE INDEX scheduled_jobs_clock_due_idx ON "${schema}".scheduled_jobs (clock_id, due_at, id) WHERE status = 'pending' AND clock_id IS NOT NULL`,
    );
    // An account's jobs run in due order: a job waits while an earlier one of its account is pending.
    await queryRunner.query(
      `CREATE INDEX scheduled_jobs_account_idx ON "${schema}".scheduled_jobs (account_id, due_at, id) WHERE status = 'pending'`,
    );
    await queryRunner.query(`
      CREATE TABLE "${schema}".test_clock_times (
        clock_id    uuid PRIMARY KEY,
        frozen_time timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".account_clocks (
        account_id uuid PRIMARY KEY,
        clock_id   uuid NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX account_clocks_clock_idx ON "${schema}".account_clocks (clock_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = serviceSchemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".account_clocks`);
    await queryRunner.query(`DROP TABLE "${schema}".test_clock_times`);
    await queryRunner.query(`DROP TABLE "${schema}".scheduled_jobs`);
  }
}

function serviceSchemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('the data source has no schema: schedule tables live in the service schema');
  return schema;
}
