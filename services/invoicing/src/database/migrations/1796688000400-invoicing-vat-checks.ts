import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * V3: every VIES check of a buyer's VAT number, kept for audit, and the verification state the billing
 * details carry (null without a number VIES can check; pending while VIES could not say).
 */
export class InvoicingVatChecks1796688000400 implements MigrationInterface {
  name = 'InvoicingVatChecks1796688000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invoicing.vat_number_checks (
        id                 uuid PRIMARY KEY,
        account_id         uuid NOT NULL,
        country_code       text NOT NULL,
        vat_number         text NOT NULL,
        checked_at         timestamptz NOT NULL,
        result             text NOT NULL CHECK (result IN ('valid', 'invalid', 'unavailable')),
        reason             text,
        request_identifier text,
        request_date       text,
        trader_name        text,
        trader_address     text,
        attempts           integer NOT NULL,
        http_status        integer,
        raw_response       jsonb,
        response_digest    text
      )`);
    await queryRunner.query(
      `CREATE INDEX vat_number_checks_account_idx ON invoicing.vat_number_checks (account_id, checked_at)`,
    );
    await queryRunner.query(`
      ALTER TABLE invoicing.billing_details
        ADD COLUMN vat_status text CHECK (vat_status IN ('verified', 'pending', 'invalid')),
        ADD COLUMN vat_checked_at timestamptz,
        ADD COLUMN vat_check_id uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE invoicing.billing_details
        DROP COLUMN vat_check_id, DROP COLUMN vat_checked_at, DROP COLUMN vat_status`);
    await queryRunner.query(`DROP TABLE invoicing.vat_number_checks`);
  }
}
