import { MigrationInterface, QueryRunner } from 'typeorm';

/** E2: when a document's upload deadline passed without ANAF's acceptance; recorded, never hidden. */
export class DeadlineMissed1797000000600 implements MigrationInterface {
  name = 'DeadlineMissed1797000000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE efactura_gateway.documents ADD COLUMN deadline_missed_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE efactura_gateway.documents DROP COLUMN deadline_missed_at`);
  }
}
