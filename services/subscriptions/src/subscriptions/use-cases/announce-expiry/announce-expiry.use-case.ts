import { Injectable } from '@nestjs/common';
import { addDays } from '@obolus/calendar';
import { Locale, SubscriptionExpiringV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { isPrepaid, periodEndsAt } from '../../period-schedule';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { AnnounceExpiryCommand } from './announce-expiry.command';

/**
 * B6: 10 days before a prepaid period ends, `subscription.expiring` tells notifications to e-mail the
 * owner, in the account's language. A period extended meanwhile ends later, and gets its own notice.
 */
@Injectable()
export class AnnounceExpiryUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(command: AnnounceExpiryCommand, uow: UnitOfWork): Promise<void> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId);
    if (!subscription || subscription.id !== command.subscriptionId || subscription.status !== 'active') return;
    if (!isPrepaid(subscription.term) || subscription.currentPeriodEnd !== command.periodEnd) return;
    const catalog = this.catalogs.get(subscription.catalog);
    await uow.emit(SubscriptionExpiringV1, {
      accountId: subscription.accountId,
      subject: subscription.id,
      data: {
        accountId: subscription.accountId,
        subscriptionId: subscription.id,
        catalog: catalog.code,
        edition: subscription.edition,
        expiresOn: addDays(command.periodEnd, -1),
        expiresAt: periodEndsAt(command.periodEnd, catalog.timeZone).toISOString(),
        ...(catalog.freeEdition ? { freeEdition: catalog.freeEdition } : {}),
        ...(subscription.locale ? { locale: subscription.locale as Locale } : {}),
        ...(subscription.ownerEmail ? { ownerEmail: subscription.ownerEmail } : {}),
      },
    });
  }
}
