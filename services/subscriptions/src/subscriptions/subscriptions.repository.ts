import { Injectable } from '@nestjs/common';
import { insertIfAbsent } from '@obolus/database';
import { UnitOfWork } from '@obolus/messaging';
import { In } from 'typeorm';
import { SubscriptionEntity } from './entities/subscription.entity';

/** Subscriptions, always looked up by their account. */
@Injectable()
export class SubscriptionsRepository {
  findByAccount({ manager }: UnitOfWork, accountId: string, lock = false): Promise<SubscriptionEntity | null> {
    return manager.findOne(SubscriptionEntity, {
      where: { accountId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** Inserts unless the account already has one (a redelivered sign-up); true when inserted. */
  async insertIfAbsent({ manager }: UnitOfWork, subscription: SubscriptionEntity): Promise<boolean> {
    return insertIfAbsent(manager, SubscriptionEntity, subscription);
  }

  save({ manager }: UnitOfWork, subscription: SubscriptionEntity): Promise<SubscriptionEntity> {
    return manager.save(SubscriptionEntity, subscription);
  }

  /**
   * Up to `limit` subscriptions of a catalog whose entitlements were last announced under another
   * revision of it, locked; rows another instance holds are skipped (it announces them).
   */
  async lockStaleForCatalog(
    { manager }: UnitOfWork,
    catalog: string,
    revision: string,
    limit: number,
  ): Promise<SubscriptionEntity[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM subscriptions.subscriptions
        WHERE catalog = $1 AND catalog_revision IS DISTINCT FROM $2
        ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [catalog, revision, limit],
    );
    if (!rows.length) return [];
    return manager.find(SubscriptionEntity, { where: { id: In(rows.map((row) => row.id)) }, order: { id: 'ASC' } });
  }

  /** Records a usage report once per id: false when the id was reported already. */
  async recordUsage(
    { manager }: UnitOfWork,
    accountId: string,
    usageId: string,
    storageDelta: number,
    at: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO subscriptions.usage_records (account_id, usage_id, storage_delta_bytes, recorded_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING usage_id`,
      [accountId, usageId, storageDelta, at],
    );
    return rows.length === 1;
  }

  /**
   * Records that a user joined or left the account, once per user and change: false when it was
   * recorded already (a redelivered event), and the seat count must not move again.
   */
  async recordSeatChange(
    { manager }: UnitOfWork,
    accountId: string,
    userId: string,
    change: 'joined' | 'removed',
    at: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO subscriptions.seat_changes (account_id, user_id, change, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [accountId, userId, change, at],
    );
    return rows.length === 1;
  }
}
