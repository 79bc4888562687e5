import { UnitOfWork } from '@obolus/messaging';
import { PendingChargeEntity } from '../entities/pending-charge.entity';
import { PendingChargesRepository } from '../pending-charges.repository';

/** Pending prorated charges in memory, for use-case specs. */
export class InMemoryPendingCharges implements Pick<PendingChargesRepository, keyof PendingChargesRepository> {
  readonly rows: PendingChargeEntity[] = [];

  async add(_uow: UnitOfWork, charge: PendingChargeEntity): Promise<boolean> {
    if (this.rows.some((row) => row.cause === charge.cause)) return false;
    this.rows.push({ ...charge });
    return true;
  }

  async unbilled(_uow: UnitOfWork, accountId: string, subscriptionId: string): Promise<PendingChargeEntity[]> {
    return this.rows
      .filter((row) => row.accountId === accountId && row.subscriptionId === subscriptionId && !row.billedBy)
      .map((row) => ({ ...row }));
  }

  async markBilled(_uow: UnitOfWork, ids: string[], billedBy: string): Promise<void> {
    for (const row of this.rows) if (ids.includes(row.id)) row.billedBy = billedBy;
  }
}
