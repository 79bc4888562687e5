import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entitlements (C6, C7): the storage an account uses lives on its subscription row, which with the
 * catalog is the whole answer of the entitlements API; each usage report counts once, by its id. The
 * revision of the catalog an account's entitlements were last announced under finds the accounts a
 * changed catalog must be announced to again.
 */
export class SubscriptionsEntitlements1796428800000 implements MigrationInterface {
  name = 'SubscriptionsEntitlements1796428800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE subscriptions.subscriptions ADD COLUMN storage_bytes bigint NOT NULL DEFAULT 0 CHECK (storage_bytes >= 0),
                                               ADD COLUMN catalog_revision text`,
    );
    await queryRunner.query(
      `CREATE INDEX subscriptions_catalog_revision ON subscriptions.subscriptions (catalog, catalog_revision)`,
    );
    await queryRunner.query(`
      CREATE TABLE subscriptions.usage_records (
        account_id          uuid NOT NULL,
        usage_id            text NOT NULL,
        storage_delta_bytes bigint NOT NULL,
        recorded_at         timestamptz NOT NULL,
        PRIMARY KEY (account_id, usage_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE subscriptions.usage_records`);
    await queryRunner.query(`DROP INDEX subscriptions.subscriptions_catalog_revision`);
    await queryRunner.query(`ALTER TABLE subscriptions.subscriptions DROP COLUMN storage_bytes, DROP COLUMN catalog_revision`);
  }
}
