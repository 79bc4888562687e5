import { Injectable } from '@nestjs/common';
import { compareDates } from '@obolus/calendar';
import { SubscriptionDowngradedV1, Term } from '@obolus/contracts';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { DuePeriods } from '../../due-periods';
import { announceChange } from '../../mappers/subscription-changed';
import { isPrepaid, periodJobKey, planPeriodEnd } from '../../period-schedule';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { periodEnd } from '../purchase/purchase.use-case';
import { RenewSubscriptionCommand } from './renew-subscription.command';

/**
 * B1: a monthly period ends after 30 days, an annual one after 12 months, and the next begins on that
 * day. What waited for the period's end takes effect first (a downgrade, C2; seats released, B5);
 * then the new period is billed, with the prorated charges of the one that ended, as
 * `subscription.renewal-due`, and its own end is planned. A period staff billed ahead (B4) only rolls
 * over. The job of a period that is no longer current (bought again, expired) does nothing.
 */
@Injectable()
export class RenewSubscriptionUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly jobs: JobScheduler,
    private readonly duePeriods: DuePeriods,
  ) {}

  async execute(command: RenewSubscriptionCommand, uow: UnitOfWork): Promise<void> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId, true);
    if (!subscription || subscription.id !== command.subscriptionId || subscription.status !== 'active') return;
    if (isPrepaid(subscription.term) || subscription.currentPeriodEnd !== command.periodEnd) return;
    const catalog = this.catalogs.get(subscription.catalog);
    const start = command.periodEnd;
    const end = periodEnd(start, subscription.term as Term);
    const downgradedFrom = subscription.pendingEdition ? subscription.edition : null;
    const billedAhead = subscription.billedThrough !== null && compareDates(subscription.billedThrough, end) >= 0;
    Object.assign(subscription, {
      edition: subscription.pendingEdition ?? subscription.edition,
      seats: subscription.pendingSeats ?? subscription.seats,
      pendingEdition: null,
      pendingSeats: null,
      currentPeriodStart: start,
      currentPeriodEnd: end,
      billedThrough: billedAhead ? subscription.billedThrough : null,
      updatedAt: command.dueAt,
    });
    const saved = await this.subscriptions.save(uow, subscription);
    await planPeriodEnd(this.jobs, uow, saved, catalog.timeZone, command.dueAt);
    if (!billedAhead) {
      const key = periodJobKey(saved.id, end);
      await this.duePeriods.bill(uow, saved, catalog, { start, end, reason: 'renewal', dueAt: command.dueAt, key });
    }
    if (downgradedFrom) {
      await uow.emit(SubscriptionDowngradedV1, {
        accountId: saved.accountId,
        subject: saved.id,
        data: {
          accountId: saved.accountId,
          subscriptionId: saved.id,
          catalog: catalog.code,
          fromEdition: downgradedFrom,
          toEdition: saved.edition,
          status: 'active',
          reason: 'period-end',
          effectiveAt: command.dueAt.toISOString(),
        },
      });
    }
    await announceChange(uow, saved, catalog, 'renewed', command.dueAt);
  }
}
