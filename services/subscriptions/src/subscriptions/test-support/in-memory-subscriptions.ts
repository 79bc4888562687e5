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
  readonly usage = new Set<string>();

  async lockStaleForCatalog(_uow: UnitOfWork, catalog: string, revision: string, limit: number): Promise<SubscriptionEntity[]> {
    return [...this.rows.values()]
      .filter((row) => row.catalog === catalog && row.catalogRevision !== revision)
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((row) => ({ ...row }));
  }

  async recordUsage(_uow: UnitOfWork, accountId: string, usageId: string): Promise<boolean> {
    const key = `${accountId}/${usageId}`;
    if (this.usage.has(key)) return false;
    this.usage.add(key);
    return true;
  }

  async recordSeatChange(_uow: UnitOfWork, accountId: string, userId: string, change: 'joined' | 'removed'): Promise<boolean> {
    const key = `${accountId}/${userId}/${change}`;
    if (this.seatChanges.has(key)) return false;
    this.seatChanges.add(key);
    return true;
  }
}
