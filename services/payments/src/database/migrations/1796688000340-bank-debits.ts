import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bank debits (P1): the country of each account (from account.created), which decides the debits it is
 * offered (SEPA in the SEPA area, ACH in the US); the methods an account saved, one per type with the
 * mandate it gave, so a subscription is charged with the method it was bought with; and, for an account
 * on a test clock, the Stripe test clock its customer lives on.
 */
export class BankDebits1796688000340 implements MigrationInterface {
  name = 'BankDebits1796688000340';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE payments.account_profiles (
        account_id uuid PRIMARY KEY,
        country    char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE payments.saved_payment_methods (
        account_id         uuid NOT NULL,
        type               text NOT NULL CHECK (type IN ('card', 'sepa_debit', 'us_bank_account')),
        provider_method_id text NOT NULL,
        mandate_id         text,
        updated_at         timestamptz NOT NULL,
        PRIMARY KEY (account_id, type)
      )`);
    await queryRunner.query(`
      INSERT INTO payments.saved_payment_methods (account_id, type, provider_method_id, mandate_id, updated_at)
      SELECT account_id, default_payment_method_type, default_payment_method_id, NULL, updated_at
        FROM payments.customers
       WHERE default_payment_method_id IS NOT NULL AND default_payment_method_type IN ('card', 'sepa_debit', 'us_bank_account')`);
    await queryRunner.query(`ALTER TABLE payments.customers ADD COLUMN provider_test_clock_id text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE payments.customers DROP COLUMN provider_test_clock_id`);
    await queryRunner.query(`DROP TABLE payments.saved_payment_methods`);
    await queryRunner.query(`DROP TABLE payments.account_profiles`);
  }
}
