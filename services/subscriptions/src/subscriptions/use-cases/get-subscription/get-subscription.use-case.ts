import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { SubscriptionEntity } from '../../entities/subscription.entity';
import { SubscriptionsError } from '../../subscriptions.errors';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { GetSubscriptionCommand } from './get-subscription.command';

/** The account's subscription as it stands: edition, status, term, seats, current period. */
@Injectable()
export class GetSubscriptionUseCase {
  constructor(private readonly subscriptions: SubscriptionsRepository) {}

  async execute(command: GetSubscriptionCommand, uow: UnitOfWork): Promise<SubscriptionEntity> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId);
    if (!subscription) throw SubscriptionsError.subscriptionNotFound();
    return subscription;
  }
}
