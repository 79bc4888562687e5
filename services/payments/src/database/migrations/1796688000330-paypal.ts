import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PayPal payments (P2): a payment paid through PayPal carries its Orders v2 order, found again by the
 * return URL and by PayPal's webhooks, and the link where the payer approves it. The capture id, once
 * captured, is the payment's provider_payment_id, as a PaymentIntent's id is for Stripe. One order per
 * payment and one payment per order.
 */
export class Paypal1796688000330 implements MigrationInterface {
  name = 'Paypal1796688000330';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE payments.payments
        ADD COLUMN provider_order_id text,
        ADD COLUMN approve_url       text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX payments_provider_order_idx ON payments.payments (provider, provider_order_id) WHERE provider_order_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX payments.payments_provider_order_idx`);
    await queryRunner.query(`ALTER TABLE payments.payments DROP COLUMN approve_url, DROP COLUMN provider_order_id`);
  }
}
