import { MigrationInterface, QueryRunner } from 'typeorm';

/** Test clocks (owned by subscriptions) and each service's report that it caught up with one. */
export class TestClocks1795824000000 implements MigrationInterface {
  name = 'TestClocks1795824000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE subscriptions.test_clocks (
        id          uuid PRIMARY KEY,
        name        text NOT NULL,
        frozen_time timestamptz NOT NULL,
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE subscriptions.test_clock_reports (
        clock_id    uuid NOT NULL REFERENCES subscriptions.test_clocks (id) ON DELETE CASCADE,
        service     text NOT NULL,
        frozen_time timestamptz NOT NULL,
        reported_at timestamptz NOT NULL,
        PRIMARY KEY (clock_id, service)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE subscriptions.test_clock_reports`);
    await queryRunner.query(`DROP TABLE subscriptions.test_clocks`);
  }
}
