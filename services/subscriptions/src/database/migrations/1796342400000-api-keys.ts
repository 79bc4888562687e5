import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys: the service credential of an integrating product on the entitlements routes. Only the
 * SHA-256 of the whole key is kept (`key_hash`, looked up on each request); the key itself is shown
 * once, when staff create it. A key belongs to no account: it may ask about any.
 */
export class ApiKeys1796342400000 implements MigrationInterface {
  name = 'ApiKeys1796342400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE subscriptions.api_keys (
        id           uuid PRIMARY KEY,
        name         text NOT NULL,
        prefix       text NOT NULL,
        key_hash     text NOT NULL UNIQUE,
        created_by   text NOT NULL,
        created_at   timestamptz NOT NULL,
        revoked_at   timestamptz,
        last_used_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE subscriptions.api_keys`);
  }
}
