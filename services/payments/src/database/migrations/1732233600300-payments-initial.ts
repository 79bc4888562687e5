import { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentsInitial1732233600300 implements MigrationInterface {
  name = 'PaymentsInitial1732233600300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE payments.customers (
        account_id                  uuid PRIMARY KEY,
        provider_customer_id        text NOT NULL UNIQUE,
        default_payment_method_id   text,
        default_payment_method_type text,
        created_at                  timestamptz NOT NULL,
        updated_at                  timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE payments.payments (
        id                  uuid PRIMARY KEY,
        account_id          uuid NOT NULL,
        draft_id            uuid NOT NULL UNIQUE,
        amount_minor        bigint NOT NULL CHECK (amount_minor > 0),
        currency            char(3) NOT NULL,
        payment_method      text NOT NULL,
        status              text NOT NULL CHECK (status IN ('processing', 'succeeded', 'failed')),
        provider            text NOT NULL,
        provider_payment_id text UNIQUE,
        failure_code        text,
        failure_message     text,
        trace_headers       jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at          timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX payments_account_idx ON payments.payments (account_id, created_at)`);
    // Every provider event is kept once, for audit and to ignore redeliveries.
    await queryRunner.query(`
      CREATE TABLE payments.provider_events (
        provider    text NOT NULL,
        event_id    text NOT NULL,
        type        text NOT NULL,
        payload     jsonb NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (provider, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE payments.provider_events`);
    await queryRunner.query(`DROP TABLE payments.payments`);
    await queryRunner.query(`DROP TABLE payments.customers`);
  }
}
