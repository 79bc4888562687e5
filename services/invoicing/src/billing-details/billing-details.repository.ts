import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { BillingDetailsEntity } from './entities/billing-details.entity';
import { VatState } from './mappers/billing-details-row';

/** The buyer's billing details, one row per account. */
@Injectable()
export class BillingDetailsRepository {
  findByAccount({ manager }: UnitOfWork, accountId: string): Promise<BillingDetailsEntity | null> {
    return manager.findOne(BillingDetailsEntity, { where: { accountId } });
  }

  /** Replaces the account's details (V1: they may change at any time; later invoices use the new ones). */
  async save({ manager }: UnitOfWork, details: BillingDetailsEntity): Promise<void> {
    await manager.upsert(BillingDetailsEntity, details, ['accountId']);
  }

  /**
   * Records a later check's outcome, only while the details still wait on the check `afterCheckId`:
   * an edit in between replaced the number, and the old answer must not land on the new one.
   */
  async updateVatState({ manager }: UnitOfWork, accountId: string, afterCheckId: string, vat: VatState): Promise<boolean> {
    const result = await manager.update(
      BillingDetailsEntity,
      { accountId, vatCheckId: afterCheckId },
      { vatStatus: vat.vatStatus, vatCheckedAt: vat.vatCheckedAt, vatCheckId: vat.vatCheckId },
    );
    return (result.affected ?? 0) > 0;
  }
}
