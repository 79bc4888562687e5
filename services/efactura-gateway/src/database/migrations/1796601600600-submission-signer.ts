import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who signed ANAF's archived answer, as its checked signature says. */
export class SubmissionSigner1796601600600 implements MigrationInterface {
  name = 'SubmissionSigner1796601600600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE efactura_gateway.submissions ADD COLUMN signer text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE efactura_gateway.submissions DROP COLUMN signer`);
  }
}
