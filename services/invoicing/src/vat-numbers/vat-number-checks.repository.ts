import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { VatNumberCheckEntity } from './entities/vat-number-check.entity';

/** The audit trail of VIES checks: rows are only ever added. */
@Injectable()
export class VatNumberChecksRepository {
  async insert({ manager }: UnitOfWork, check: VatNumberCheckEntity): Promise<void> {
    await manager.insert(VatNumberCheckEntity, { ...check, rawResponse: check.rawResponse as object });
  }

  listByAccount({ manager }: UnitOfWork, accountId: string): Promise<VatNumberCheckEntity[]> {
    return manager.find(VatNumberCheckEntity, { where: { accountId }, order: { checkedAt: 'ASC', id: 'ASC' } });
  }
}
