import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dunning (P4): the tries of a payment, when it first failed, when it is tried next, and whether it gave up. */
export class Dunning1796688000300 implements MigrationInterface {
  name = 'Dunning1796688000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE payments.payments
        ADD COLUMN attempts        integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
        ADD COLUMN first_failed_at timestamptz,
        ADD COLUMN next_retry_at   timestamptz,
        ADD COLUMN dunning         text CHECK (dunning IN ('retrying', 'exhausted'))`);
    await queryRunner.query(`CREATE INDEX payments_dunning_idx ON payments.payments (account_id) WHERE dunning = 'retrying'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX payments.payments_dunning_idx`);
    await queryRunner.query(`
      ALTER TABLE payments.payments
        DROP COLUMN attempts, DROP COLUMN first_failed_at, DROP COLUMN next_retry_at, DROP COLUMN dunning`);
  }
}
