import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people of each account who hear its notices (owner and admins, from identity's events), and each
 * user's muted notices (never the legal and financial ones).
 */
export class MembersPreferences1796601600000 implements MigrationInterface {
  name = 'MembersPreferences1796601600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications.account_members (
        account_id  uuid NOT NULL,
        user_id     uuid NOT NULL,
        email       text NOT NULL,
        role        text NOT NULL,
        PRIMARY KEY (account_id, user_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE notifications.notification_preferences (
        account_id  uuid NOT NULL,
        user_id     uuid NOT NULL,
        muted       text[] NOT NULL,
        updated_at  timestamptz NOT NULL,
        PRIMARY KEY (account_id, user_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notifications.notification_preferences`);
    await queryRunner.query(`DROP TABLE notifications.account_members`);
  }
}
