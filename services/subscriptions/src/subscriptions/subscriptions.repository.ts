import { Injectable } from '@nestjs/common';
import { insertIfAbsent } from '@obolus/database';
import { UnitOfWork } from '@obolus/messaging';
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
