import { Injectable } from '@nestjs/common';
import { insertIfAbsent } from '@obolus/database';
import { UnitOfWork } from '@obolus/messaging';
import { IsNull } from 'typeorm';
import { PendingChargeEntity } from './entities/pending-charge.entity';

/** Prorated charges waiting for their subscription's next invoice (B5, C2). */
@Injectable()
export class PendingChargesRepository {
  /** Adds a charge unless its cause added one already (a redelivered event); true when added. */
  add({ manager }: UnitOfWork, charge: PendingChargeEntity): Promise<boolean> {
    return insertIfAbsent(manager, PendingChargeEntity, charge);
  }

  /** The charges no invoice carried yet, oldest first. */
  unbilled({ manager }: UnitOfWork, accountId: string, subscriptionId: string): Promise<PendingChargeEntity[]> {
    return manager.find(PendingChargeEntity, {
      where: { accountId, subscriptionId, billedBy: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Marks charges as carried by the invoice of a period (its renewal key). */
  async markBilled({ manager }: UnitOfWork, ids: string[], billedBy: string): Promise<void> {
    if (ids.length) await manager.update(PendingChargeEntity, ids, { billedBy });
  }
}
