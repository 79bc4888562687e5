import { MigrationInterface, QueryRunner } from 'typeorm';

/** ANAF authorisations per account and CUI, the OAuth states in flight, and each document's submission. */
export class EfacturaAnaf1796601600500 implements MigrationInterface {
  name = 'EfacturaAnaf1796601600500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE efactura_gateway.oauth_states (
        state       text PRIMARY KEY,
        account_id  uuid NOT NULL,
        cif         text NOT NULL,
        created_at  timestamptz NOT NULL,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE efactura_gateway.authorizations (
        account_id            uuid NOT NULL,
        cif                   text NOT NULL,
        access_token_sealed   text NOT NULL,
        refresh_token_sealed  text NOT NULL,
        access_expires_at     timestamptz NOT NULL,
        status                text NOT NULL CHECK (status IN ('connected', 'revoked')),
        connected_at          timestamptz NOT NULL,
        refreshed_at          timestamptz,
        last_error            text,
        PRIMARY KEY (account_id, cif)
      )`);
    await queryRunner.query(`
      CREATE TABLE efactura_gateway.submissions (
        document_id   uuid PRIMARY KEY,
        account_id    uuid NOT NULL,
        invoice_id    uuid NOT NULL UNIQUE,
        cif           text NOT NULL,
        endpoint      text NOT NULL CHECK (endpoint IN ('upload', 'uploadb2c')),
        standard      text NOT NULL CHECK (standard IN ('UBL', 'CN')),
        extern        boolean NOT NULL,
        status        text NOT NULL CHECK (status IN ('queued', 'uploaded', 'accepted', 'rejected')),
        upload_index  text,
        download_id   text,
        anaf_errors   jsonb NOT NULL DEFAULT '[]',
        rule_ids      jsonb NOT NULL DEFAULT '[]',
        archive       bytea,
        polls         integer NOT NULL DEFAULT 0,
        queued_at     timestamptz NOT NULL,
        uploaded_at   timestamptz,
        settled_at    timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX submissions_account_idx ON efactura_gateway.submissions (account_id, status)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE efactura_gateway.submissions`);
    await queryRunner.query(`DROP TABLE efactura_gateway.authorizations`);
    await queryRunner.query(`DROP TABLE efactura_gateway.oauth_states`);
  }
}
