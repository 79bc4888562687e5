import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityInitial1732233600100 implements MigrationInterface {
  name = 'IdentityInitial1732233600100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.accounts (
        id             uuid PRIMARY KEY,
        company_name   text NOT NULL,
        country        char(2) NOT NULL,
        catalog        text NOT NULL CHECK (catalog IN ('fr-crm', 'ro-crm')),
        signup_channel text NOT NULL,
        locale         text NOT NULL CHECK (locale IN ('fr', 'ro', 'en')),
        status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked', 'closed')),
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE identity.users (
        id         uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES identity.accounts (id),
        email      text NOT NULL,
        role       text NOT NULL CHECK (role IN ('owner', 'admin', 'user')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // E-mail addresses are unique across Obolus, whatever their case.
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_unique ON identity.users (lower(email))`);
    await queryRunner.query(`CREATE INDEX users_account_idx ON identity.users (account_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity.users`);
    await queryRunner.query(`DROP TABLE identity.accounts`);
  }
}
