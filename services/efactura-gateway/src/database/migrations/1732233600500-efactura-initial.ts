import { MigrationInterface, QueryRunner } from 'typeorm';

export class EfacturaInitial1732233600500 implements MigrationInterface {
  name = 'EfacturaInitial1732233600500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE efactura_gateway.documents (
        id              uuid PRIMARY KEY,
        account_id      uuid NOT NULL,
        invoice_id      uuid NOT NULL UNIQUE,
        invoice_number  text NOT NULL,
        kind            text NOT NULL CHECK (kind IN ('invoice', 'creditNote')),
        issue_date      date NOT NULL,
        upload_deadline date NOT NULL,
        xml             text NOT NULL,
        valid           boolean NOT NULL,
        findings        jsonb NOT NULL,
        status          text NOT NULL CHECK (status IN ('valid', 'invalid')),
        created_at      timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX documents_account_idx ON efactura_gateway.documents (account_id, created_at)`);
    await queryRunner.query(
      `CREATE INDEX documents_deadline_idx ON efactura_gateway.documents (upload_deadline) WHERE status = 'valid'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE efactura_gateway.documents`);
  }
}
