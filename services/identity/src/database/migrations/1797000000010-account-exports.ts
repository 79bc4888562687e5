import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The owner's data exports (A3): asked for, then assembled by a durable job into one ZIP kept here until the
 * account is purged. The download link is a signed token; the row says until when it is good.
 */
export class AccountExports1797000000010 implements MigrationInterface {
  name = 'AccountExports1797000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.account_exports (
        id                   uuid PRIMARY KEY,
        account_id           uuid NOT NULL REFERENCES identity.accounts (id),
        requested_by_user_id uuid NOT NULL,
        owner_email          text NOT NULL,
        status               text NOT NULL CHECK (status IN ('pending', 'ready')),
        requested_at         timestamptz NOT NULL,
        ready_at             timestamptz,
        expires_at           timestamptz,
        archive              bytea,
        archive_sha256       text,
        size_bytes           bigint,
        file_count           integer,
        CHECK (status = 'pending' OR (archive IS NOT NULL AND expires_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX account_exports_account ON identity.account_exports (account_id, requested_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity.account_exports`);
  }
}
