import { Inject, Injectable } from '@nestjs/common';
import { insertIfAbsent } from '@obolus/database';
import { UnitOfWork } from '@obolus/messaging';
import { SERVICE_CONFIG, ServiceConfig } from '@obolus/platform';
import { Client } from 'pg';
import { DeliveryEntity } from './entities/delivery.entity';

/** Wakes the dispatcher; Postgres delivers the notification when the recording transaction commits. */
const DELIVERIES_CHANNEL = 'notifications_deliveries';

export type NewDelivery = Pick<
  DeliveryEntity,
  'id' | 'accountId' | 'template' | 'recipients' | 'locale' | 'causeEventId' | 'templateData' | 'traceHeaders' | 'nextAttemptAt'
>;

/** A delivery being dispatched: which row of which account. */
export type DeliveryKey = Pick<DeliveryEntity, 'id' | 'accountId'>;

/** A connection that hears of every delivery recorded, once its transaction commits. */
export interface NewDeliveriesListener {
  close(): Promise<void>;
}

@Injectable()
export class DeliveriesRepository {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  /**
   * Records a pending delivery unless one of the template exists for the same cause (a redelivered
   * event); true when recorded.
   */
  async insertPending({ manager }: UnitOfWork, delivery: NewDelivery): Promise<boolean> {
    const recorded = await insertIfAbsent(manager, DeliveryEntity, {
      ...delivery,
      channel: 'email',
      status: 'pending',
      attempts: 0,
    });
    if (recorded) await manager.query(`SELECT pg_notify($1, '')`, [DELIVERIES_CHANNEL]);
    return recorded;
  }

  /**
   * The oldest due pending delivery of any account (the dispatcher serves them all), locked for the
   * caller's transaction. SKIP LOCKED: another dispatcher (another instance) takes another row, never this one.
   */
  claimNextDue({ manager }: UnitOfWork, now: Date): Promise<DeliveryEntity | null> {
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

  async markSent({ manager }: UnitOfWork, { id, accountId }: DeliveryKey, sentAt: Date): Promise<void> {
    await manager.update(
      DeliveryEntity,
      { id, accountId, status: 'pending' },
      { status: 'sent', sentAt, attempts: () => 'attempts + 1', lastError: null },
    );
  }

  async markRetry({ manager }: UnitOfWork, { id, accountId }: DeliveryKey, reason: string, nextAttemptAt: Date): Promise<void> {
    await manager.update(
      DeliveryEntity,
      { id, accountId, status: 'pending' },
      { attempts: () => 'attempts + 1', lastError: reason, nextAttemptAt },
    );
  }

  async markFailed({ manager }: UnitOfWork, { id, accountId }: DeliveryKey, reason: string, failedAt: Date): Promise<void> {
    await manager.update(
      DeliveryEntity,
      { id, accountId, status: 'pending' },
      { status: 'failed', attempts: () => 'attempts + 1', lastError: reason, failedAt },
    );
  }

  /**
   * Listens, on a connection of its own, for deliveries recorded by committed transactions. `onLost`
   * is called once when that connection fails; the listener is closed by then.
   */
  async listenForNew(onNew: () => void, onLost: (error: unknown) => void): Promise<NewDeliveriesListener> {
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'obolus-notifications-dispatcher',
    });
    client.on('error', (error) => {
      client.end().catch(() => undefined);
      onLost(error);
    });
    client.on('notification', onNew);
    try {
      await client.connect();
      await client.query(`LISTEN ${DELIVERIES_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return { close: () => client.end().catch(() => undefined) };
  }
}
