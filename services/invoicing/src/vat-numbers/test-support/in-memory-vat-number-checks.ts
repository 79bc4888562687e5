import { UnitOfWork } from '@obolus/messaging';
import { VatNumberCheckEntity } from '../entities/vat-number-check.entity';
import { VatNumberChecksRepository } from '../vat-number-checks.repository';

/** The vat_number_checks table in memory, for use-case specs. */
export class InMemoryVatNumberChecks implements Pick<VatNumberChecksRepository, keyof VatNumberChecksRepository> {
  readonly rows: VatNumberCheckEntity[] = [];

  async insert(_uow: UnitOfWork, check: VatNumberCheckEntity): Promise<void> {
    this.rows.push({ ...check });
  }

  async listByAccount(_uow: UnitOfWork, accountId: string): Promise<VatNumberCheckEntity[]> {
    return this.rows.filter((row) => row.accountId === accountId).map((row) => ({ ...row }));
  }
}
