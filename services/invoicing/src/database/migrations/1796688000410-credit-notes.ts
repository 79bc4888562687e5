import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit notes (I3): each in its own gapless series per seller, pointing to the invoice it corrects
 * (BT-25), append-only like invoices. A refund gives at most one credit note.
 */
export class CreditNotes1796688000410 implements MigrationInterface {
  name = 'CreditNotes1796688000410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invoicing.credit_notes (
        id              uuid PRIMARY KEY,
        account_id      uuid NOT NULL,
        invoice_id      uuid NOT NULL REFERENCES invoicing.invoices (id),
        reason          text NOT NULL CHECK (reason IN ('refund', 'correction')),
        reason_text     text NOT NULL,
        refund_id       uuid UNIQUE,
        requested_by    text,
        series          text NOT NULL,
        sequence_number bigint NOT NULL,
        number          text NOT NULL UNIQUE,
        catalog         text NOT NULL,
        issue_date      date NOT NULL,
        currency        char(3) NOT NULL,
        locale          text NOT NULL,
        seller          jsonb NOT NULL,
        buyer           jsonb NOT NULL,
        lines           jsonb NOT NULL,
        vat_breakdown   jsonb NOT NULL,
        totals          jsonb NOT NULL,
        legal_mention   text,
        recipients      text[] NOT NULL,
        pdf             bytea NOT NULL,
        pdf_sha256      char(64) NOT NULL,
        issued_at       timestamptz NOT NULL,
        UNIQUE (series, sequence_number),
        CHECK ((reason = 'refund') = (refund_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX credit_notes_account_idx ON invoicing.credit_notes (account_id, issued_at DESC)`);
    await queryRunner.query(`CREATE INDEX credit_notes_invoice_idx ON invoicing.credit_notes (account_id, invoice_id)`);
    await queryRunner.query(`
      CREATE FUNCTION invoicing.refuse_credit_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'issued credit note % is immutable', OLD.number USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER credit_notes_immutable BEFORE UPDATE OR DELETE ON invoicing.credit_notes
      FOR EACH ROW EXECUTE FUNCTION invoicing.refuse_credit_note_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE invoicing.credit_notes`);
    await queryRunner.query(`DROP FUNCTION invoicing.refuse_credit_note_change()`);
  }
}
