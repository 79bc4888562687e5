import { UnitOfWork } from '@obolus/messaging';
import { SubscriptionEntity } from '../entities/subscription.entity';
import { SubscriptionsRepository } from '../subscriptions.repository';

/** The subscriptions table in memory, one row per account, for use-case specs. */
export class InMemorySubscriptions implements Pick<SubscriptionsRepository, keyof SubscriptionsRepository> {
  readonly rows = new Map<string, SubscriptionEntity>();

  async findByAccount(_uow: UnitOfWork, accountId: string): Promise<SubscriptionEntity | null> {
    const row = this.rows.get(accountId);
    return row ? { ...row } : null;
  }

  async insertIfAbsent(_uow: UnitOfWork, subscription: SubscriptionEntity): Promise<boolean> {
    if (this.rows.has(subscription.accountId)) return false;
    this.rows.set(subscription.accountId, { ...subscription });
    return true;
  }

  /** Saves, growing the version as the version column does. */
  async save(_uow: UnitOfWork, subscription: SubscriptionEntity): Promise<SubscriptionEntity> {
    subscription.version = (this.rows.get(subscription.accountId)?.version ?? 0) + 1;
    this.rows.set(subscription.accountId, { ...subscription });
    return subscription;
  }

  readonly seatChanges = new Set<string>();

  async recordSeatChange(_uow: UnitOfWork, accountId: string, userId: string, change: 'joined' | 'removed'): Promise<boolean> {
    const key = `${accountId}/${userId}/${change}`;
    if (this.seatChanges.has(key)) return false;
    this.seatChanges.add(key);
    return true;
  }
}
