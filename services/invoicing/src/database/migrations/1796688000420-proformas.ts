import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proformas (I4): a request for a bank transfer, not a fiscal invoice, numbered in its own gapless
 * series per seller and carrying an ISO 11649 payment reference. One per draft; it is marked paid
 * with the fiscal invoice that follows the money.
 */
export class Proformas1796688000420 implements MigrationInterface {
  name = 'Proformas1796688000420';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invoicing.proformas (
        id              uuid PRIMARY KEY,
        account_id      uuid NOT NULL,
        draft_id        uuid NOT NULL UNIQUE REFERENCES invoicing.drafts (id),
        series          text NOT NULL,
        sequence_number bigint NOT NULL,
        number          text NOT NULL UNIQUE,
        reference       text NOT NULL UNIQUE,
        catalog         text NOT NULL,
        issue_date      date NOT NULL,
        due_date        date NOT NULL,
        currency        char(3) NOT NULL,
        locale          text NOT NULL,
        seller          jsonb NOT NULL,
        buyer           jsonb NOT NULL,
        lines           jsonb NOT NULL,
        vat_breakdown   jsonb NOT NULL,
        totals          jsonb NOT NULL,
        legal_mention   text,
        transfer        jsonb NOT NULL,
        recipients      text[] NOT NULL,
        pdf             bytea NOT NULL,
        pdf_sha256      char(64) NOT NULL,
        status          text NOT NULL CHECK (status IN ('open', 'paid')),
        invoice_id      uuid REFERENCES invoicing.invoices (id),
        issued_at       timestamptz NOT NULL,
        paid_at         timestamptz,
        UNIQUE (series, sequence_number),
        CHECK ((status = 'paid') = (invoice_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX proformas_account_idx ON invoicing.proformas (account_id, issued_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE invoicing.proformas`);
  }
}
