import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { Entitlements, entitlementsOf } from '../../mappers/entitlements';
import { SubscriptionsError } from '../../subscriptions.errors';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { GetEntitlementsCommand } from './get-entitlements.command';

export type { Entitlements };

/**
 * The account's entitlements as its subscription stands: one row, kept by the lifecycle's own
 * transactions, read with the catalog held in memory (`entitlementsOf`).
 */
@Injectable()
export class GetEntitlementsUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(command: GetEntitlementsCommand, uow: UnitOfWork): Promise<Entitlements> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId);
    if (!subscription) throw SubscriptionsError.subscriptionNotFound();
    return entitlementsOf(subscription, this.catalogs.get(subscription.catalog));
  }
}
