import { MigrationInterface, QueryRunner } from 'typeorm';

/** Credentials, sessions, throttling, invitations, reset tokens, audit, closure, staff and signing keys. */
export class IdentitySecurity1732233600101 implements MigrationInterface {
  name = 'IdentitySecurity1732233600101';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE identity.users
         ADD COLUMN password_hash text,
         ADD COLUMN display_name text,
         ADD COLUMN password_changed_at timestamptz`,
      `ALTER TABLE identity.accounts
         ADD COLUMN closure_requested_at timestamptz,
         ADD COLUMN purged_at timestamptz`,

      // Staff of the vendor (S1): a table of their own, never a row of a customer account.
      `CREATE TABLE identity.staff_users (
         id            uuid PRIMARY KEY,
         email         text NOT NULL,
         password_hash text NOT NULL,
         roles         text[] NOT NULL DEFAULT '{}',
         disabled_at   timestamptz,
         created_at    timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE UNIQUE INDEX staff_users_email_unique ON identity.staff_users (lower(email))`,

      // A session is one sign-in: the family of its rotating refresh tokens.
      `CREATE TABLE identity.sessions (
         id             uuid PRIMARY KEY,
         kind           text NOT NULL CHECK (kind IN ('customer', 'staff')),
         account_id     uuid REFERENCES identity.accounts (id) ON DELETE CASCADE,
         user_id        uuid REFERENCES identity.users (id) ON DELETE CASCADE,
         staff_id       uuid REFERENCES identity.staff_users (id) ON DELETE CASCADE,
         client_ip      text,
         user_agent     text,
         created_at     timestamptz NOT NULL DEFAULT now(),
         revoked_at     timestamptz,
         revoked_reason text,
         CHECK ((kind = 'customer' AND account_id IS NOT NULL AND user_id IS NOT NULL AND staff_id IS NULL)
             OR (kind = 'staff' AND staff_id IS NOT NULL AND account_id IS NULL AND user_id IS NULL))
       )`,
      `CREATE INDEX sessions_user_idx ON identity.sessions (user_id) WHERE revoked_at IS NULL`,
      `CREATE INDEX sessions_account_idx ON identity.sessions (account_id) WHERE revoked_at IS NULL`,
      `CREATE TABLE identity.refresh_tokens (
         token_hash bytea PRIMARY KEY,
         session_id uuid NOT NULL REFERENCES identity.sessions (id) ON DELETE CASCADE,
         issued_at  timestamptz NOT NULL DEFAULT now(),
         expires_at timestamptz NOT NULL,
         spent_at   timestamptz
       )`,
      `CREATE INDEX refresh_tokens_session_idx ON identity.refresh_tokens (session_id)`,

      // Failed sign-ins, counted per e-mail and per client address over a sliding window.
      `CREATE TABLE identity.sign_in_failures (
         id         bigserial PRIMARY KEY,
         realm      text NOT NULL CHECK (realm IN ('customer', 'staff')),
         email_key  text NOT NULL,
         client_ip  text NOT NULL,
         failed_at  timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX sign_in_failures_email_idx ON identity.sign_in_failures (realm, email_key, failed_at)`,
      `CREATE INDEX sign_in_failures_ip_idx ON identity.sign_in_failures (client_ip, failed_at)`,

      `CREATE TABLE identity.invitations (
         id                 uuid PRIMARY KEY,
         account_id         uuid NOT NULL REFERENCES identity.accounts (id) ON DELETE CASCADE,
         email              text NOT NULL,
         role               text NOT NULL CHECK (role IN ('admin', 'user')),
         token_hash         bytea NOT NULL UNIQUE,
         invited_by_user_id uuid NOT NULL,
         created_at         timestamptz NOT NULL DEFAULT now(),
         expires_at         timestamptz NOT NULL,
         accepted_at        timestamptz,
         accepted_user_id   uuid
       )`,
      `CREATE INDEX invitations_account_idx ON identity.invitations (account_id)`,

      `CREATE TABLE identity.password_reset_tokens (
         token_hash bytea PRIMARY KEY,
         user_id    uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
         account_id uuid NOT NULL REFERENCES identity.accounts (id) ON DELETE CASCADE,
         created_at timestamptz NOT NULL DEFAULT now(),
         expires_at timestamptz NOT NULL,
         used_at    timestamptz
       )`,
      `CREATE INDEX password_reset_tokens_user_idx ON identity.password_reset_tokens (user_id)`,

      // Security events. No foreign keys: the trail outlives the users it mentions.
      `CREATE TABLE identity.audit_log (
         id            bigserial PRIMARY KEY,
         account_id    uuid,
         staff_id      uuid,
         actor_user_id uuid,
         subject_id    uuid,
         event         text NOT NULL,
         client_ip     text,
         details       jsonb NOT NULL DEFAULT '{}',
         occurred_at   timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX audit_log_account_idx ON identity.audit_log (account_id, id DESC)`,

      // Scheduled work lives in Postgres: a closed account's purge, polled by the service.
      `CREATE TABLE identity.scheduled_purges (
         account_id  uuid PRIMARY KEY REFERENCES identity.accounts (id),
         purge_after timestamptz NOT NULL,
         purged_at   timestamptz
       )`,
      `CREATE INDEX scheduled_purges_due_idx ON identity.scheduled_purges (purge_after) WHERE purged_at IS NULL`,

      // Development signing key, generated once when IDENTITY_SIGNING_KEY is not set.
      `CREATE TABLE identity.signing_keys (
         kid         text PRIMARY KEY,
         private_jwk jsonb NOT NULL,
         public_jwk  jsonb NOT NULL,
         created_at  timestamptz NOT NULL DEFAULT now()
       )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'signing_keys',
      'scheduled_purges',
      'audit_log',
      'password_reset_tokens',
      'invitations',
      'sign_in_failures',
      'refresh_tokens',
      'sessions',
      'staff_users',
    ]) {
      await queryRunner.query(`DROP TABLE identity.${table}`);
    }
    await queryRunner.query(`ALTER TABLE identity.accounts DROP COLUMN closure_requested_at, DROP COLUMN purged_at`);
    await queryRunner.query(
      `ALTER TABLE identity.users DROP COLUMN password_hash, DROP COLUMN display_name, DROP COLUMN password_changed_at`,
    );
  }
}
