import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsInitial1732233600600 implements MigrationInterface {
  name = 'NotificationsInitial1732233600600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications.deliveries (
        id             uuid PRIMARY KEY,
        account_id     uuid NOT NULL,
        template       text NOT NULL,
        channel        text NOT NULL CHECK (channel IN ('email')),
        recipients     text[] NOT NULL,
        locale         text NOT NULL,
        cause_event_id text NOT NULL,
        status         text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        created_at     timestamptz NOT NULL DEFAULT now(),
        sent_at        timestamptz
      )`);
    // One delivery of a template per causing event, whatever the redeliveries.
    await queryRunner.query(`CREATE UNIQUE INDEX deliveries_cause_unique ON notifications.deliveries (cause_event_id, template)`);
    await queryRunner.query(`CREATE INDEX deliveries_account_idx ON notifications.deliveries (account_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notifications.deliveries`);
  }
}
