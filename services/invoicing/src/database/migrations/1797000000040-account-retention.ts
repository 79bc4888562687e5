import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The closed and purged accounts whose invoices and credit notes invoicing keeps because the law requires
 * it (A3): France, Code de commerce art. L123-22, ten years; Romania, Legea contabilității 82/1991 art. 25,
 * likewise. The documents themselves are immutable; this row marks them retained, and until when.
 */
export class AccountRetention1797000000040 implements MigrationInterface {
  name = 'AccountRetention1797000000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invoicing.retained_accounts (
        account_id     uuid PRIMARY KEY,
        purged_at      timestamptz NOT NULL,
        retained_until date NOT NULL,
        invoices       integer NOT NULL,
        credit_notes   integer NOT NULL,
        legal_basis    text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE invoicing.retained_accounts`);
  }
}
