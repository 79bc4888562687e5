import { UnitOfWork } from '@obolus/messaging';
import { DeliveriesRepository, DeliveryKey, NewDelivery } from '../deliveries.repository';
import { DeliveryEntity } from '../entities/delivery.entity';

type DeliveriesTable = Pick<DeliveriesRepository, 'insertPending' | 'claimNextDue' | 'markSent' | 'markRetry' | 'markFailed'>;

/** The deliveries table in memory, for use-case specs: one delivery per cause and template, as the unique index says. */
export class InMemoryDeliveries implements DeliveriesTable {
  readonly rows = new Map<string, DeliveryEntity>();

  /** Every delivery recorded, oldest first. */
  all(): DeliveryEntity[] {
    return [...this.rows.values()].map((row) => ({ ...row }));
  }

  async insertPending(_uow: UnitOfWork, delivery: NewDelivery): Promise<boolean> {
    const exists = [...this.rows.values()].some(
      (row) => row.causeEventId === delivery.causeEventId && row.template === delivery.template,
    );
    if (exists) return false;
    this.rows.set(delivery.id, {
      ...delivery,
      channel: 'email',
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: delivery.nextAttemptAt,
      sentAt: null,
      failedAt: null,
    });
    return true;
  }

  async claimNextDue(_uow: UnitOfWork, now: Date): Promise<DeliveryEntity | null> {
    const due = [...this.rows.values()]
      .filter((row) => row.status === 'pending' && row.nextAttemptAt.getTime() <= now.getTime())
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
    return due[0] ? { ...due[0] } : null;
  }

  async markSent(_uow: UnitOfWork, key: DeliveryKey, sentAt: Date): Promise<void> {
    this.updatePending(key, (row) => ({ ...row, status: 'sent', sentAt, attempts: row.attempts + 1, lastError: null }));
  }

  async markRetry(_uow: UnitOfWork, key: DeliveryKey, reason: string, nextAttemptAt: Date): Promise<void> {
    this.updatePending(key, (row) => ({ ...row, attempts: row.attempts + 1, lastError: reason, nextAttemptAt }));
  }

  async markFailed(_uow: UnitOfWork, key: DeliveryKey, reason: string, failedAt: Date): Promise<void> {
    this.updatePending(key, (row) => ({ ...row, status: 'failed', attempts: row.attempts + 1, lastError: reason, failedAt }));
  }

  private updatePending({ id, accountId }: DeliveryKey, change: (row: DeliveryEntity) => DeliveryEntity): void {
    const row = this.rows.get(id);
    if (row && row.accountId === accountId && row.status === 'pending') this.rows.set(id, change(row));
  }
}
