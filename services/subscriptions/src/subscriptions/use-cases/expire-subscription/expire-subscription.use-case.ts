import { Injectable } from '@nestjs/common';
import { addDays } from '@obolus/calendar';
import { SubscriptionDowngradedV1, SubscriptionExpiredV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { announceChange } from '../../mappers/subscription-changed';
import { isPrepaid } from '../../period-schedule';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { ExpireSubscriptionCommand } from './expire-subscription.command';

/**
 * B3: a prepaid period that ends without an extension moves the account to the catalog's free
 * edition (ro-crm: Standard), where it stays usable; a catalog without one blocks it until it pays.
 * A period extended meanwhile has another end, and its job does nothing.
 */
@Injectable()
export class ExpireSubscriptionUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(command: ExpireSubscriptionCommand, uow: UnitOfWork): Promise<void> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId, true);
    if (!subscription || subscription.id !== command.subscriptionId || subscription.status !== 'active') return;
    if (!isPrepaid(subscription.term) || subscription.currentPeriodEnd !== command.periodEnd) return;
    const catalog = this.catalogs.get(subscription.catalog);
    const paidEdition = subscription.edition;
    const freeEdition = catalog.freeEdition;
    Object.assign(subscription, freeEdition ? { edition: freeEdition, status: 'free' } : { status: 'blocked' }, {
      term: null,
      currentPeriodStart: null,
      currentPeriodEnd: null,
      pendingEdition: null,
      pendingSeats: null,
      updatedAt: command.dueAt,
    });
    const saved = await this.subscriptions.save(uow, subscription);
    const at = command.dueAt.toISOString();
    const ids = { accountId: saved.accountId, subscriptionId: saved.id, catalog: catalog.code };
    await uow.emit(SubscriptionExpiredV1, {
      accountId: saved.accountId,
      subject: saved.id,
      data: {
        ...ids,
        edition: paidEdition,
        toEdition: saved.edition,
        expiredOn: addDays(command.periodEnd, -1),
        expiredAt: at,
      },
    });
    if (freeEdition) {
      await uow.emit(SubscriptionDowngradedV1, {
        accountId: saved.accountId,
        subject: saved.id,
        data: { ...ids, fromEdition: paidEdition, toEdition: freeEdition, status: 'free', reason: 'expired', effectiveAt: at },
      });
    }
    await announceChange(uow, saved, catalog, 'expired', command.dueAt);
  }
}
