import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries are recorded in the event's transaction and sent after it commits: a row keeps what the
 * e-mail is made of (its template's data) and the state of its tries.
 */
export class DeliveriesDispatch1764201600600 implements MigrationInterface {
  name = 'DeliveriesDispatch1764201600600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notifications.deliveries
        ADD COLUMN template_data   jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN last_error      text,
        ADD COLUMN failed_at       timestamptz,
        ADD COLUMN trace_headers   jsonb NOT NULL DEFAULT '{}'::jsonb`);
    // Rows from before this change were sent already; new rows always say what to render.
    await queryRunner.query(`ALTER TABLE notifications.deliveries ALTER COLUMN template_data DROP DEFAULT`);
    await queryRunner.query(
      `CREATE INDEX deliveries_due_idx ON notifications.deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notifications.deliveries_due_idx`);
    await queryRunner.query(`
      ALTER TABLE notifications.deliveries
        DROP COLUMN template_data, DROP COLUMN attempts, DROP COLUMN next_attempt_at,
        DROP COLUMN last_error, DROP COLUMN failed_at, DROP COLUMN trace_headers`);
  }
}
