import { MigrationInterface, QueryRunner } from 'typeorm';

export class SubscriptionsInitial1732233600200 implements MigrationInterface {
  name = 'SubscriptionsInitial1732233600200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE subscriptions.subscriptions (
        id                   uuid PRIMARY KEY,
        account_id           uuid NOT NULL UNIQUE,
        catalog              text NOT NULL,
        edition              text NOT NULL,
        status               text NOT NULL CHECK (status IN ('trialing', 'active', 'free', 'blocked')),
        term                 text,
        seats                integer NOT NULL CHECK (seats >= 1),
        payment_method       text,
        currency             text NOT NULL,
        trial_ends_on        date,
        current_period_start date,
        current_period_end   date,
        created_at           timestamptz NOT NULL,
        updated_at           timestamptz NOT NULL,
        version              integer NOT NULL DEFAULT 1
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE subscriptions.subscriptions`);
  }
}
