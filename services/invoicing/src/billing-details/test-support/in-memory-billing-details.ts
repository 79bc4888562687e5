import { UnitOfWork } from '@obolus/messaging';
import { BillingDetailsRepository } from '../billing-details.repository';
import { BillingDetailsEntity } from '../entities/billing-details.entity';
import { VatState } from '../mappers/billing-details-row';

/** The billing_details table in memory, one row per account, for use-case specs. */
export class InMemoryBillingDetails implements Pick<BillingDetailsRepository, keyof BillingDetailsRepository> {
  readonly rows = new Map<string, BillingDetailsEntity>();

  async findByAccount(_uow: UnitOfWork, accountId: string): Promise<BillingDetailsEntity | null> {
    const row = this.rows.get(accountId);
    return row ? { ...row, extraRecipients: [...row.extraRecipients] } : null;
  }

  async save(_uow: UnitOfWork, details: BillingDetailsEntity): Promise<void> {
    this.rows.set(details.accountId, { ...details, extraRecipients: [...details.extraRecipients] });
  }

  async updateVatState(_uow: UnitOfWork, accountId: string, afterCheckId: string, vat: VatState): Promise<boolean> {
    const row = this.rows.get(accountId);
    if (!row || row.vatCheckId !== afterCheckId) return false;
    this.rows.set(accountId, { ...row, ...vat });
    return true;
  }
}
