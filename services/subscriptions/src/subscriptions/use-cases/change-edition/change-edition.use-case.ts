import { Injectable } from '@nestjs/common';
import { calendarDateInZone, compareDates } from '@obolus/calendar';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { FieldProblem } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { Catalog, CatalogEdition, seatPrice } from '../../../catalog/catalog';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { DuePeriods } from '../../due-periods';
import { SubscriptionEntity } from '../../entities/subscription.entity';
import { proratedCharge } from '../../mappers/proration';
import { announceChange, SubscriptionChange } from '../../mappers/subscription-changed';
import { isPrepaid } from '../../period-schedule';
import { PendingChargesRepository } from '../../pending-charges.repository';
import { SubscriptionsError } from '../../subscriptions.errors';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { ChangeEditionCommand } from './change-edition.command';

/**
 * The edition applies to every user of the account (C2), changed from the admin panel (C5).
 * - During the trial, any paid edition can be tried (T2).
 * - An upgrade (a higher seat price) takes effect at once, and the difference is charged for the days
 *   left in the period: on the next invoice for monthly and annual terms, at once for prepaid ones.
 * - A downgrade takes effect at the period's end (its renewal); a prepaid period runs to its end.
 * - A free or blocked account buys an edition instead (purchase).
 * The new edition must hold the account's users (Solopreneur: one, C3).
 */
@Injectable()
export class ChangeEditionUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly charges: PendingChargesRepository,
    private readonly clocks: AccountClocks,
    private readonly duePeriods: DuePeriods,
  ) {}

  async execute(command: ChangeEditionCommand, uow: UnitOfWork): Promise<SubscriptionEntity> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId, true);
    if (!subscription) throw SubscriptionsError.subscriptionNotFound();
    const catalog = this.catalogs.get(subscription.catalog);
    if (subscription.pendingEdition && command.edition === subscription.edition) {
      // Choosing the current edition again cancels the downgrade waiting for the period's end.
      const now = await this.clocks.now(uow, command.accountId);
      Object.assign(subscription, { pendingEdition: null, updatedAt: now });
      const saved = await this.subscriptions.save(uow, subscription);
      await announceChange(uow, saved, catalog, 'downgrade-cancelled', now);
      return saved;
    }
    const target = this.check(catalog, subscription, command.edition);
    const now = await this.clocks.now(uow, command.accountId);
    let change: SubscriptionChange;
    if (subscription.status === 'trialing') {
      subscription.edition = target.code;
      change = 'trial-edition-changed';
    } else {
      const term = subscription.term!;
      const current = this.catalogs.edition(catalog, subscription.edition)!;
      const method = subscription.paymentMethod;
      const currency = subscription.currency;
      const difference =
        (seatPrice(catalog, target, term, method, currency) ?? 0) - (seatPrice(catalog, current, term, method, currency) ?? 0);
      if (difference > 0) {
        subscription.edition = target.code;
        subscription.pendingEdition = null;
        change = 'upgraded';
      } else if (isPrepaid(term)) {
        throw SubscriptionsError.changeRefused([
          { field: 'edition', reason: `a prepaid ${current.name} period runs to its end; buy ${target.name} when it expires` },
        ]);
      } else {
        subscription.pendingEdition = target.code;
        change = 'downgrade-scheduled';
      }
      subscription.updatedAt = now;
      const saved = await this.subscriptions.save(uow, subscription);
      if (change === 'upgraded') await this.chargeUpgrade(saved, catalog, current, target, difference, now, uow);
      await announceChange(uow, saved, catalog, change, now);
      return saved;
    }
    subscription.updatedAt = now;
    const saved = await this.subscriptions.save(uow, subscription);
    await announceChange(uow, saved, catalog, change, now);
    return saved;
  }

  private check(catalog: Catalog, subscription: SubscriptionEntity, code: string): CatalogEdition {
    const fields: FieldProblem[] = [];
    const target = this.catalogs.edition(catalog, code);
    if (subscription.status === 'free' || subscription.status === 'blocked') {
      fields.push({ field: 'edition', reason: `the account is ${subscription.status}: buy an edition instead (purchase)` });
    } else if (!target) {
      fields.push({
        field: 'edition',
        reason: `is not an edition of ${catalog.code}: ${catalog.editions.map((e) => e.code).join(', ')}`,
      });
    } else if (target.code === catalog.freeEdition) {
      fields.push({ field: 'edition', reason: 'is free: it follows the end of the paid period' });
    } else if (target.code === subscription.edition) {
      fields.push({ field: 'edition', reason: 'is the current edition' });
    } else if (
      subscription.status === 'active' &&
      seatPrice(catalog, target, subscription.term!, null, subscription.currency) === undefined
    ) {
      fields.push({ field: 'edition', reason: `has no ${subscription.term} price` });
    } else if (Math.max(subscription.users, subscription.status === 'active' ? subscription.seats : 1) > target.maxSeats) {
      fields.push({
        field: 'edition',
        reason: `${target.name} is for at most ${target.maxSeats} user(s); the account has ${Math.max(subscription.users, subscription.seats)}`,
      });
    }
    if (fields.length || !target) throw SubscriptionsError.changeRefused(fields);
    return target;
  }

  /** C2: the higher price, for the seats and the days left in the period. */
  private async chargeUpgrade(
    subscription: SubscriptionEntity,
    catalog: Catalog,
    from: CatalogEdition,
    to: CatalogEdition,
    difference: number,
    now: Date,
    uow: UnitOfWork,
  ): Promise<void> {
    const today = calendarDateInZone(now, catalog.timeZone);
    const period = { start: subscription.currentPeriodStart!, end: subscription.currentPeriodEnd! };
    if (compareDates(today, period.start) < 0 || compareDates(today, period.end) >= 0) return;
    const cause = `upgrade:${subscription.id}:${subscription.version}`;
    await this.charges.add(
      uow,
      proratedCharge({
        id: randomUUID(),
        accountId: subscription.accountId,
        subscriptionId: subscription.id,
        cause,
        code: `${to.code}/${subscription.term}/upgrade`,
        label: `${from.name} → ${to.name}, per user`,
        quantity: subscription.seats,
        periodUnitPriceMinor: difference,
        currency: subscription.currency,
        period,
        changeDate: today,
        at: now,
      }),
    );
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
