import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bank transfers (P2, P3, I4): a payment awaiting a transfer carries its ISO 11649 reference, the
 * buyer's name (from the proforma) and what has been received so far; an excess is kept, never rounded
 * away. Statements are stored once per account and statement id, each transaction of each entry once
 * (its key is derived from the statement and entry ids), and every sum applied to a payment, from a
 * statement or recorded by staff, is a transfer row: a second upload of the same file finds all of
 * them already there and changes nothing.
 */
export class BankTransfers1796688000320 implements MigrationInterface {
  name = 'BankTransfers1796688000320';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE payments.payments
        ADD COLUMN transfer_reference text CHECK (transfer_reference ~ '^RF[0-9]{2}[A-Z0-9]{1,21}$'),
        ADD COLUMN buyer_name         text,
        ADD COLUMN proforma_number    text,
        ADD COLUMN received_minor     bigint NOT NULL DEFAULT 0 CHECK (received_minor >= 0),
        ADD COLUMN excess_minor       bigint NOT NULL DEFAULT 0 CHECK (excess_minor >= 0)`);
    await queryRunner.query(
      `CREATE INDEX payments_awaiting_transfer_idx ON payments.payments (id) WHERE provider = 'bank' AND status = 'processing'`,
    );
    await queryRunner.query(`
      CREATE TABLE payments.bank_statements (
        id            uuid PRIMARY KEY,
        account_iban  text NOT NULL,
        statement_id  text NOT NULL,
        message_id    text NOT NULL,
        version       text NOT NULL,
        currency      char(3) NOT NULL,
        created_by_bank_at text NOT NULL,
        sha256        char(64) NOT NULL,
        uploaded_by   text NOT NULL,
        uploaded_at   timestamptz NOT NULL,
        UNIQUE (account_iban, statement_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE payments.bank_statement_entries (
        statement_id          uuid NOT NULL REFERENCES payments.bank_statements (id),
        transaction_key       text NOT NULL,
        entry_key             text NOT NULL,
        outcome               text NOT NULL CHECK (outcome IN ('matched', 'unmatched', 'ignored')),
        reason                text,
        detail                text,
        amount_minor          bigint NOT NULL CHECK (amount_minor >= 0),
        currency              char(3) NOT NULL,
        direction             text NOT NULL CHECK (direction IN ('credit', 'debit')),
        booking_date          text,
        payer_name            text,
        payer_iban            text,
        "references"          jsonb NOT NULL DEFAULT '[]'::jsonb,
        candidate_payment_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        payment_id            uuid,
        PRIMARY KEY (statement_id, transaction_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX bank_statement_entries_unmatched_idx ON payments.bank_statement_entries (statement_id) WHERE outcome = 'unmatched'`,
    );
    await queryRunner.query(`
      CREATE TABLE payments.bank_transfers (
        id               uuid PRIMARY KEY,
        account_id       uuid NOT NULL,
        payment_id       uuid NOT NULL REFERENCES payments.payments (id),
        source           text NOT NULL CHECK (source IN ('statement', 'staff')),
        transaction_key  text UNIQUE,
        idempotency_key  text CHECK (length(idempotency_key) BETWEEN 1 AND 255),
        amount_minor     bigint NOT NULL CHECK (amount_minor > 0),
        currency         char(3) NOT NULL,
        received_on      date NOT NULL,
        payer_name       text,
        rule             text NOT NULL CHECK (rule IN ('reference', 'amount-and-name', 'staff')),
        due_before_minor bigint NOT NULL,
        settlement       text NOT NULL CHECK (settlement IN ('exact', 'partial', 'excess')),
        surplus_minor    bigint NOT NULL DEFAULT 0 CHECK (surplus_minor >= 0),
        note             text,
        recorded_by      text NOT NULL,
        recorded_at      timestamptz NOT NULL,
        UNIQUE (account_id, idempotency_key),
        CHECK ((source = 'statement') = (transaction_key IS NOT NULL)),
        CHECK ((source = 'staff') = (idempotency_key IS NOT NULL AND note IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX bank_transfers_payment_idx ON payments.bank_transfers (account_id, payment_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE payments.bank_transfers`);
    await queryRunner.query(`DROP TABLE payments.bank_statement_entries`);
    await queryRunner.query(`DROP TABLE payments.bank_statements`);
    await queryRunner.query(`DROP INDEX payments.payments_awaiting_transfer_idx`);
    await queryRunner.query(`
      ALTER TABLE payments.payments
        DROP COLUMN transfer_reference, DROP COLUMN buyer_name, DROP COLUMN proforma_number,
        DROP COLUMN received_minor, DROP COLUMN excess_minor`);
  }
}
