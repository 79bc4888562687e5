import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit notes (I3, E1): a document is an invoice or a credit note (kind 'credit-note', uploaded with
 * standard=CN), and a credit note keeps the number of the invoice it corrects (BT-25).
 */
export class CreditNoteDocuments1797000000500 implements MigrationInterface {
  name = 'CreditNoteDocuments1797000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE efactura_gateway.documents DROP CONSTRAINT documents_kind_check`);
    await queryRunner.query(`UPDATE efactura_gateway.documents SET kind = 'credit-note' WHERE kind = 'creditNote'`);
    await queryRunner.query(
      `ALTER TABLE efactura_gateway.documents ADD CONSTRAINT documents_kind_check CHECK (kind IN ('invoice', 'credit-note'))`,
    );
    await queryRunner.query(`ALTER TABLE efactura_gateway.documents ADD COLUMN corrected_invoice_number text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE efactura_gateway.documents DROP COLUMN corrected_invoice_number`);
    await queryRunner.query(`ALTER TABLE efactura_gateway.documents DROP CONSTRAINT documents_kind_check`);
    await queryRunner.query(`UPDATE efactura_gateway.documents SET kind = 'creditNote' WHERE kind = 'credit-note'`);
    await queryRunner.query(
      `ALTER TABLE efactura_gateway.documents ADD CONSTRAINT documents_kind_check CHECK (kind IN ('invoice', 'creditNote'))`,
    );
  }
}
