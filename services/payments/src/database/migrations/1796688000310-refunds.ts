import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refunds (P4, I3): money sent back on the original payment. One row per staff request, keyed by its
 * idempotency key within the account, so a repeated request finds the refund it made.
 */
export class Refunds1796688000310 implements MigrationInterface {
  name = 'Refunds1796688000310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE payments.refunds (
        id                 uuid PRIMARY KEY,
        account_id         uuid NOT NULL,
        payment_id         uuid NOT NULL REFERENCES payments.payments (id),
        idempotency_key    text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
        amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
        currency           char(3) NOT NULL,
        reason             text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        status             text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
        provider           text NOT NULL,
        provider_refund_id text,
        failure_reason     text,
        requested_by       text NOT NULL,
        created_at         timestamptz NOT NULL,
        updated_at         timestamptz NOT NULL,
        UNIQUE (account_id, idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX refunds_payment_idx ON payments.refunds (account_id, payment_id)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX refunds_provider_idx ON payments.refunds (provider, provider_refund_id) WHERE provider_refund_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE payments.refunds`);
  }
}
