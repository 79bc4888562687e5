import { MigrationInterface, QueryRunner } from 'typeorm';

export class InvoicingInitial1732233600400 implements MigrationInterface {
  name = 'InvoicingInitial1732233600400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invoicing.customers (
        account_id   uuid PRIMARY KEY,
        company_name text NOT NULL,
        owner_email  text NOT NULL,
        country      char(2) NOT NULL,
        catalog      text NOT NULL,
        locale       text NOT NULL,
        created_at   timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE invoicing.billing_details (
        account_id            uuid PRIMARY KEY,
        legal_name            text NOT NULL,
        buyer_type            text NOT NULL CHECK (buyer_type IN ('business', 'individual')),
        vat_number            text,
        company_id            text,
        trade_register_number text,
        line1                 text NOT NULL,
        line2                 text,
        city                  text NOT NULL,
        postal_code           text,
        country_subdivision   text,
        country               char(2) NOT NULL,
        extra_recipients      text[] NOT NULL DEFAULT '{}',
        updated_at            timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE invoicing.drafts (
        id              uuid PRIMARY KEY,
        account_id      uuid NOT NULL,
        subscription_id uuid NOT NULL,
        cause_event_id  text NOT NULL UNIQUE,
        catalog         text NOT NULL,
        seller_entity   text NOT NULL,
        currency        char(3) NOT NULL,
        locale          text NOT NULL,
        tax_point_date  date NOT NULL,
        seller          jsonb NOT NULL,
        buyer           jsonb NOT NULL,
        lines           jsonb NOT NULL,
        vat_breakdown   jsonb NOT NULL,
        totals          jsonb NOT NULL,
        legal_mention   text,
        payment_method  text NOT NULL,
        status          text NOT NULL CHECK (status IN ('awaiting_payment', 'invoiced')),
        invoice_id      uuid,
        created_at      timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX drafts_account_idx ON invoicing.drafts (account_id)`);
    // Numbering: one counter row per series, taken FOR UPDATE in the issuing transaction (I3).
    await queryRunner.query(`
      CREATE TABLE invoicing.invoice_series (
        series      text PRIMARY KEY,
        next_number bigint NOT NULL CHECK (next_number >= 1)
      )`);
    await queryRunner.query(`
      CREATE TABLE invoicing.invoices (
        id              uuid PRIMARY KEY,
        account_id      uuid NOT NULL,
        draft_id        uuid NOT NULL UNIQUE,
        series          text NOT NULL,
        sequence_number bigint NOT NULL,
        number          text NOT NULL UNIQUE,
        catalog         text NOT NULL,
        issue_date      date NOT NULL,
        tax_point_date  date NOT NULL,
        due_date        date NOT NULL,
        currency        char(3) NOT NULL,
        locale          text NOT NULL,
        seller          jsonb NOT NULL,
        buyer           jsonb NOT NULL,
        lines           jsonb NOT NULL,
        vat_breakdown   jsonb NOT NULL,
        totals          jsonb NOT NULL,
        legal_mention   text,
        payment         jsonb NOT NULL,
        recipients      text[] NOT NULL,
        pdf             bytea NOT NULL,
        pdf_sha256      char(64) NOT NULL,
        issued_at       timestamptz NOT NULL,
        UNIQUE (series, sequence_number)
      )`);
    await queryRunner.query(`CREATE INDEX invoices_account_idx ON invoicing.invoices (account_id, issued_at)`);
    // An issued invoice never changes and is never deleted; corrections are credit notes (I3).
    await queryRunner.query(`
      CREATE FUNCTION invoicing.refuse_invoice_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'issued invoice % is immutable', OLD.number USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON invoicing.invoices
      FOR EACH ROW EXECUTE FUNCTION invoicing.refuse_invoice_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE invoicing.invoices`);
    await queryRunner.query(`DROP FUNCTION invoicing.refuse_invoice_change()`);
    await queryRunner.query(`DROP TABLE invoicing.invoice_series`);
    await queryRunner.query(`DROP TABLE invoicing.drafts`);
    await queryRunner.query(`DROP TABLE invoicing.billing_details`);
    await queryRunner.query(`DROP TABLE invoicing.customers`);
  }
}
