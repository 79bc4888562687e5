import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { BillingDetailsEntity } from './entities/billing-details.entity';

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
}
