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
}
