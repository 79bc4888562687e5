import { Injectable } from '@nestjs/common';
import { SubscriptionBlockedV1, SubscriptionDowngradedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { announceChange } from '../../mappers/subscription-changed';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { ApplyUnpaidCommand } from './apply-unpaid.command';

/**
 * P4: after the last failed try of a payment, an active subscription follows its catalog: where the
 * catalog has a free edition (ro-crm: Premium moves to Standard) it moves there, status `free`;
 * otherwise (fr-crm) it is blocked, its data kept, until a purchase. A subscription that is no longer
 * active (ended, blocked, already free) is left as it is; a redelivered event changes nothing more.
 */
@Injectable()
export class ApplyUnpaidUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(command: ApplyUnpaidCommand, uow: UnitOfWork): Promise<void> {
    if (!command.final) return;
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId, true);
    if (!subscription || subscription.status !== 'active') return;
    const catalog = this.catalogs.get(subscription.catalog);
    const at = new Date(command.failedAt);
    const fromEdition = subscription.edition;
    const freeEdition = catalog.freeEdition;
    Object.assign(subscription, freeEdition ? { edition: freeEdition, status: 'free' } : { status: 'blocked' }, {
      pendingEdition: null,
      updatedAt: at,
    });
    const saved = await this.subscriptions.save(uow, subscription);
    const event = { accountId: command.accountId, subject: subscription.id };
    const ids = { accountId: command.accountId, subscriptionId: subscription.id, catalog: catalog.code };
    if (freeEdition) {
      await uow.emit(SubscriptionDowngradedV1, {
        ...event,
        data: { ...ids, fromEdition, toEdition: freeEdition, status: 'free', reason: 'unpaid', effectiveAt: command.failedAt },
      });
    } else {
      await uow.emit(SubscriptionBlockedV1, {
        ...event,
        data: { ...ids, edition: fromEdition, reason: 'unpaid', blockedAt: command.failedAt },
      });
    }
    await announceChange(uow, saved, catalog, 'unpaid', at);
  }
}
