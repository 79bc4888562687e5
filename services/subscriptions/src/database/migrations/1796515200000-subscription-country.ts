import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The account's country on its subscription, from account.created: a purchase by bank debit is refused
 * where the debit is not offered (P1: SEPA in the SEPA area, ACH in the US). Null for subscriptions
 * started before it was kept; their purchases are not checked for it.
 */
export class SubscriptionCountry1796515200000 implements MigrationInterface {
  name = 'SubscriptionCountry1796515200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE subscriptions.subscriptions ADD COLUMN country text CHECK (country ~ '^[A-Z]{2}$')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE subscriptions.subscriptions DROP COLUMN country`);
  }
}
