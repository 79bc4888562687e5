import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's requests that carried an Idempotency-Key (a trial extension): a retry with the same
 * key answers the first request instead of acting twice. Rows belong to the account and go with it.
 */
export class StaffRequests1796601600000 implements MigrationInterface {
  name = 'StaffRequests1796601600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE subscriptions.staff_requests (
        account_id      uuid NOT NULL,
        idempotency_key text NOT NULL,
        action          text NOT NULL,
        request         jsonb NOT NULL,
        created_at      timestamptz NOT NULL,
        PRIMARY KEY (account_id, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE subscriptions.staff_requests`);
  }
}
