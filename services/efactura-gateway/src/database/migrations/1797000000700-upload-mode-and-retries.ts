import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E1: an account may choose to upload by hand (a valid document is then held until the owner sends
 * it); E4: staff may retry a rejected or failed submission, each retry kept as an attempt (the attempt
 * that ended, who retried it and why), the stored XML never edited.
 */
export class UploadModeAndRetries1797000000700 implements MigrationInterface {
  name = 'UploadModeAndRetries1797000000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE efactura_gateway.upload_settings (
        account_id  uuid PRIMARY KEY,
        upload_mode text NOT NULL CHECK (upload_mode IN ('automatic', 'manual')),
        updated_at  timestamptz NOT NULL,
        updated_by  text NOT NULL
      )`);
    await queryRunner.query(`ALTER TABLE efactura_gateway.submissions DROP CONSTRAINT submissions_status_check`);
    await queryRunner.query(
      `ALTER TABLE efactura_gateway.submissions ADD CONSTRAINT submissions_status_check
         CHECK (status IN ('held', 'queued', 'uploaded', 'accepted', 'rejected'))`,
    );
    await queryRunner.query(`ALTER TABLE efactura_gateway.submissions ADD COLUMN attempt integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`
      CREATE TABLE efactura_gateway.submission_attempts (
        document_id   uuid NOT NULL REFERENCES efactura_gateway.submissions (document_id) ON DELETE CASCADE,
        attempt       integer NOT NULL,
        account_id    uuid NOT NULL,
        status        text NOT NULL,
        upload_index  text,
        download_id   text,
        anaf_errors   jsonb NOT NULL DEFAULT '[]',
        rule_ids      jsonb NOT NULL DEFAULT '[]',
        archive       bytea,
        signer        text,
        polls         integer NOT NULL,
        queued_at     timestamptz NOT NULL,
        uploaded_at   timestamptz,
        settled_at    timestamptz,
        retried_at    timestamptz NOT NULL,
        retried_by    text NOT NULL,
        reason        text NOT NULL,
        PRIMARY KEY (document_id, attempt)
      )`);
    await queryRunner.query(`CREATE INDEX submission_attempts_account_idx ON efactura_gateway.submission_attempts (account_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE efactura_gateway.submission_attempts`);
    await queryRunner.query(`ALTER TABLE efactura_gateway.submissions DROP COLUMN attempt`);
    await queryRunner.query(`DELETE FROM efactura_gateway.submissions WHERE status = 'held'`);
    await queryRunner.query(`ALTER TABLE efactura_gateway.submissions DROP CONSTRAINT submissions_status_check`);
    await queryRunner.query(
      `ALTER TABLE efactura_gateway.submissions ADD CONSTRAINT submissions_status_check
         CHECK (status IN ('queued', 'uploaded', 'accepted', 'rejected'))`,
    );
    await queryRunner.query(`DROP TABLE efactura_gateway.upload_settings`);
  }
}
