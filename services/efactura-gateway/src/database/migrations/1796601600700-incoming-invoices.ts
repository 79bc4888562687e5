import { MigrationInterface, QueryRunner } from 'typeorm';

/** E3: supplier invoices ANAF holds for an authorised CUI, each kept once, and how far each CUI was listed. */
export class IncomingInvoices1796601600700 implements MigrationInterface {
  name = 'IncomingInvoices1796601600700';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Apart from the authorisation row, which token refreshes lock in units of work of their own.
    await queryRunner.query(`
      CREATE TABLE efactura_gateway.incoming_cursors (
        account_id     uuid NOT NULL,
        cif            text NOT NULL,
        listed_until   timestamptz NOT NULL,
        PRIMARY KEY (account_id, cif)
      )`);
    await queryRunner.query(`
      CREATE TABLE efactura_gateway.incoming_invoices (
        id             uuid PRIMARY KEY,
        account_id     uuid NOT NULL,
        cif            text NOT NULL,
        anaf_id        text NOT NULL,
        upload_index   text NOT NULL,
        created_at_anaf text NOT NULL,
        supplier_cif   text,
        supplier_name  text,
        number         text,
        issue_date     text,
        currency       text,
        payable_minor  bigint,
        parsed         jsonb,
        parse_error    text,
        archive        bytea NOT NULL,
        signer         text,
        received_at    timestamptz NOT NULL,
        UNIQUE (account_id, cif, anaf_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX incoming_invoices_account_idx ON efactura_gateway.incoming_invoices (account_id, received_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE efactura_gateway.incoming_invoices`);
    await queryRunner.query(`DROP TABLE efactura_gateway.incoming_cursors`);
  }
}
