import { Injectable, Logger } from '@nestjs/common';
import { calendarDateInZone, compareDates } from '@obolus/calendar';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { Catalog, seatPrice } from '../../../catalog/catalog';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { DuePeriods } from '../../due-periods';
import { SubscriptionEntity } from '../../entities/subscription.entity';
import { proratedCharge } from '../../mappers/proration';
import { announceChange } from '../../mappers/subscription-changed';
import { isPrepaid } from '../../period-schedule';
import { PendingChargesRepository } from '../../pending-charges.repository';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { ChangeSeatsCommand } from './change-seats.command';

/**
 * Seats follow the users of the account (B5, A4). A user who joins beyond the seats paid for adds a
 * seat at once: on a bought subscription it is charged for the days left in the period, prorated, on
 * the next invoice (monthly, annual) or at once (prepaid, which has no next invoice). A user who
 * leaves releases a seat at the period's end: the period stays paid, and no credit is made. Outside a
 * paid period (trial, free, blocked) seats just follow the users. Each user's join and removal count
 * once, however often the event is delivered.
 */
@Injectable()
export class ChangeSeatsUseCase {
  private readonly logger = new Logger(ChangeSeatsUseCase.name);

  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly charges: PendingChargesRepository,
    private readonly clocks: AccountClocks,
    private readonly duePeriods: DuePeriods,
  ) {}

  async execute(command: ChangeSeatsCommand, uow: UnitOfWork): Promise<void> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId, true);
    if (!subscription) return;
    const now = await this.clocks.now(uow, command.accountId);
    if (!(await this.subscriptions.recordSeatChange(uow, command.accountId, command.userId, command.change, now))) return;
    const catalog = this.catalogs.get(subscription.catalog);
    const paid = subscription.status === 'active';
    if (command.change === 'removed') {
      subscription.users = Math.max(subscription.users - 1, 0);
      if (paid)
        subscription.pendingSeats = Math.max((subscription.pendingSeats ?? subscription.seats) - 1, subscription.users, 1);
      else subscription.seats = Math.max(subscription.users, 1);
      subscription.updatedAt = now;
      const saved = await this.subscriptions.save(uow, subscription);
      await announceChange(uow, saved, catalog, 'seats-released', now);
      return;
    }
    subscription.users += 1;
    if (subscription.pendingSeats !== null && subscription.users > subscription.pendingSeats)
      subscription.pendingSeats = subscription.users;
    const added = subscription.users - subscription.seats;
    subscription.updatedAt = now;
    if (added <= 0) {
      const saved = await this.subscriptions.save(uow, subscription);
      await announceChange(uow, saved, catalog, 'users-changed', now);
      return;
    }
    const maxSeats = this.catalogs.edition(catalog, subscription.edition)?.maxSeats ?? subscription.seats;
    if (subscription.users > maxSeats) {
      this.logger.warn(
        `account ${command.accountId} has ${subscription.users} users, beyond the ${maxSeats} seats of its edition`,
      );
    }
    subscription.seats = subscription.users;
    const saved = await this.subscriptions.save(uow, subscription);
    if (paid) await this.chargeAddedSeats(saved, catalog, added, command.userId, now, uow);
    await announceChange(uow, saved, catalog, 'seats-added', now);
  }

  /** The added seats, for the days left in the period (B5). */
  private async chargeAddedSeats(
    subscription: SubscriptionEntity,
    catalog: Catalog,
    added: number,
    userId: string,
    now: Date,
    uow: UnitOfWork,
  ): Promise<void> {
    const today = calendarDateInZone(now, catalog.timeZone);
    const period = { start: subscription.currentPeriodStart!, end: subscription.currentPeriodEnd! };
    if (compareDates(today, period.start) < 0 || compareDates(today, period.end) >= 0) return;
    const edition = this.catalogs.edition(catalog, subscription.edition)!;
    const price = seatPrice(catalog, edition, subscription.term!, subscription.paymentMethod, subscription.currency) ?? 0;
    const cause = `seat:${userId}`;
    const charge = proratedCharge({
      id: randomUUID(),
      accountId: subscription.accountId,
      subscriptionId: subscription.id,
      cause,
      code: `${edition.code}/${subscription.term}/seat-added`,
      label: `${edition.name}: ${added} user(s) added`,
      quantity: added,
      periodUnitPriceMinor: price,
      currency: subscription.currency,
      period,
      changeDate: today,
      at: now,
    });
    if (!(await this.charges.add(uow, charge))) return;
    if (isPrepaid(subscription.term)) {
      await this.duePeriods.bill(uow, subscription, catalog, {
        ...period,
        start: today,
        reason: 'proration',
        dueAt: now,
        key: cause,
        chargesOnly: true,
      });
    }
  }
}
