import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook endpoints (an account's, or platform-wide when account_id is null), one delivery per event
 * and endpoint (its message id is the `webhook-id` of every attempt and replay), the log of attempts,
 * and the account owner's address and language (from identity's account.created) for the notice of a
 * failing endpoint.
 */
export class Webhooks1796515200000 implements MigrationInterface {
  name = 'Webhooks1796515200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications.webhook_endpoints (
        id                          uuid PRIMARY KEY,
        account_id                  uuid,
        url                         text NOT NULL CHECK (length(url) <= 2048),
        event_types                 text[] NOT NULL CHECK (cardinality(event_types) > 0),
        description                 text NOT NULL DEFAULT '',
        enabled                     boolean NOT NULL,
        secret_sealed               text NOT NULL,
        previous_secret_sealed      text,
        previous_secret_expires_at  timestamptz,
        status                      text NOT NULL CHECK (status IN ('active', 'failing')),
        failing_since               timestamptz,
        created_by_email            text NOT NULL,
        created_at                  timestamptz NOT NULL,
        updated_at                  timestamptz NOT NULL,
        deleted_at                  timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_endpoints_account_idx ON notifications.webhook_endpoints (account_id) WHERE deleted_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE notifications.webhook_deliveries (
        id               uuid PRIMARY KEY,
        message_id       text NOT NULL UNIQUE,
        endpoint_id      uuid NOT NULL REFERENCES notifications.webhook_endpoints (id),
        account_id       uuid NOT NULL,
        event_id         text NOT NULL,
        event_type       text NOT NULL,
        body             text NOT NULL,
        status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at  timestamptz,
        last_status_code integer,
        last_error       text,
        created_at       timestamptz NOT NULL,
        delivered_at     timestamptz,
        UNIQUE (endpoint_id, event_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_endpoint_idx ON notifications.webhook_deliveries (endpoint_id, created_at DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE notifications.webhook_attempts (
        id            uuid PRIMARY KEY,
        delivery_id   uuid NOT NULL REFERENCES notifications.webhook_deliveries (id),
        number        integer NOT NULL CHECK (number >= 1),
        trigger       text NOT NULL CHECK (trigger IN ('schedule', 'replay', 'test')),
        due_at        timestamptz NOT NULL,
        attempted_at  timestamptz NOT NULL,
        duration_ms   integer NOT NULL,
        status_code   integer,
        error         text,
        response_body text
      )`);
    await queryRunner.query(`CREATE INDEX webhook_attempts_delivery_idx ON notifications.webhook_attempts (delivery_id, number)`);
    await queryRunner.query(`
      CREATE TABLE notifications.account_contacts (
        account_id   uuid PRIMARY KEY,
        owner_email  text NOT NULL,
        locale       text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notifications.account_contacts`);
    await queryRunner.query(`DROP TABLE notifications.webhook_attempts`);
    await queryRunner.query(`DROP TABLE notifications.webhook_deliveries`);
    await queryRunner.query(`DROP TABLE notifications.webhook_endpoints`);
  }
}
