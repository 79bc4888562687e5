import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeliveryEntity } from './entities/delivery.entity';

/** Wakes the dispatcher; Postgres delivers the notification when the recording transaction commits. */
export const DELIVERIES_CHANNEL = 'notifications_deliveries';

export type NewDelivery = Pick<
  DeliveryEntity,
  'id' | 'accountId' | 'template' | 'recipients' | 'locale' | 'causeEventId' | 'templateData' | 'traceHeaders' | 'nextAttemptAt'
>;

@Injectable()
export class DeliveriesRepository {
  /**
   * Records a pending delivery unless one of the template exists for the same cause (a redelivered
   * event); true when recorded.
   */
  async insertPending(manager: EntityManager, delivery: NewDelivery): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(DeliveryEntity)
      .values({ ...delivery, channel: 'email', status: 'pending', attempts: 0 })
      .orIgnore()
      .returning(['id'])
      .execute();
    const recorded = (result.raw as unknown[]).length > 0;
    if (recorded) await manager.query(`SELECT pg_notify($1, '')`, [DELIVERIES_CHANNEL]);
    return recorded;
  }

  /**
   * The oldest due pending delivery, locked for the caller's transaction. SKIP LOCKED: another
   * dispatcher (another instance) takes another row, never this one.
   */
  claimNextDue(manager: EntityManager, now: Date): Promise<DeliveryEntity | null> {
    return manager
      .createQueryBuilder(DeliveryEntity, 'delivery')
      .where(`delivery.status = 'pending'`)
      .andWhere('delivery.next_attempt_at <= :now', { now })
      .orderBy('delivery.next_attempt_at', 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
  }

  async markSent(manager: EntityManager, id: string, sentAt: Date): Promise<void> {
    await manager.update(
      DeliveryEntity,
      { id, status: 'pending' },
      { status: 'sent', sentAt, attempts: () => 'attempts + 1', lastError: null },
    );
  }

  async markRetry(manager: EntityManager, id: string, reason: string, nextAttemptAt: Date): Promise<void> {
    await manager.update(
      DeliveryEntity,
      { id, status: 'pending' },
      { attempts: () => 'attempts + 1', lastError: reason, nextAttemptAt },
    );
  }

  async markFailed(manager: EntityManager, id: string, reason: string, failedAt: Date): Promise<void> {
    await manager.update(
      DeliveryEntity,
      { id, status: 'pending' },
      { status: 'failed', attempts: () => 'attempts + 1', lastError: reason, failedAt },
    );
  }
}
