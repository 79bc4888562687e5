import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lifecycle after the purchase: who is told (owner and language), how many users the account has
 * against the seats paid for, a downgrade or a seat release waiting for the period's end, how far
 * ahead the account was billed (B4), and the prorated charges waiting for the next invoice (B5, C2).
 */
export class SubscriptionsLifecycle1796256000000 implements MigrationInterface {
  name = 'SubscriptionsLifecycle1796256000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE subscriptions.subscriptions
        ADD COLUMN owner_email     text,
        ADD COLUMN locale          text,
        ADD COLUMN users           integer NOT NULL DEFAULT 1 CHECK (users >= 0),
        ADD COLUMN pending_edition text,
        ADD COLUMN pending_seats   integer CHECK (pending_seats >= 1),
        ADD COLUMN billed_through  date`);
    await queryRunner.query(`
      CREATE TABLE subscriptions.seat_changes (
        account_id uuid NOT NULL,
        user_id    uuid NOT NULL,
        change     text NOT NULL CHECK (change IN ('joined', 'removed')),
        at         timestamptz NOT NULL,
        PRIMARY KEY (account_id, user_id, change)
      )`);
    await queryRunner.query(`
      CREATE TABLE subscriptions.pending_charges (
        id               uuid PRIMARY KEY,
        account_id       uuid NOT NULL,
        subscription_id  uuid NOT NULL REFERENCES subscriptions.subscriptions (id),
        cause            text NOT NULL UNIQUE,
        code             text NOT NULL,
        description      text NOT NULL,
        quantity         integer NOT NULL CHECK (quantity >= 1),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        service_start    date NOT NULL,
        service_end      date NOT NULL,
        days             integer NOT NULL CHECK (days >= 1),
        period_days      integer NOT NULL CHECK (period_days >= 1),
        created_at       timestamptz NOT NULL,
        billed_by        text
      )`);
    await queryRunner.query(
      `CREATE INDEX pending_charges_unbilled ON subscriptions.pending_charges (subscription_id) WHERE billed_by IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE subscriptions.pending_charges`);
    await queryRunner.query(`DROP TABLE subscriptions.seat_changes`);
    await queryRunner.query(`
      ALTER TABLE subscriptions.subscriptions
        DROP COLUMN owner_email, DROP COLUMN locale, DROP COLUMN users,
        DROP COLUMN pending_edition, DROP COLUMN pending_seats, DROP COLUMN billed_through`);
  }
}
