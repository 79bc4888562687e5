import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many users each account's edition allows (C3, A4), as subscriptions last published it in
 * subscription.changed. `version` is the subscription's: a row only ever moves to a newer one.
 */
export class AccountSeatLimits1795824000100 implements MigrationInterface {
  name = 'AccountSeatLimits1795824000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.account_seat_limits (
        account_id uuid PRIMARY KEY,
        max_seats  integer NOT NULL CHECK (max_seats >= 1),
        edition    text NOT NULL,
        version    integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity.account_seat_limits`);
  }
}
