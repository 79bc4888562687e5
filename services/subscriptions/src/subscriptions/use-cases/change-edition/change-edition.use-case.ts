import { Injectable } from '@nestjs/common';
import { calendarDateInZone, compareDates } from '@obolus/calendar';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { FieldProblem } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { Catalog, CatalogEdition, seatPrice } from '../../../catalog/catalog';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { DuePeriods } from '../../due-periods';
import { PendingChargeEntity } from '../../entities/pending-charge.entity';
import { SubscriptionEntity } from '../../entities/subscription.entity';
import { proratedCharge } from '../../mappers/proration';
import { announceChange, SubscriptionChange } from '../../mappers/subscription-changed';
import { isPrepaid } from '../../period-schedule';
import { PendingChargesRepository } from '../../pending-charges.repository';
import { SubscriptionsError } from '../../subscriptions.errors';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { ChangeEditionCommand } from './change-edition.command';

/** What a change of edition does (C2, C5, T2). */
export interface EditionChangePlan {
  change: Extract<SubscriptionChange, 'downgrade-cancelled' | 'trial-edition-changed' | 'upgraded' | 'downgrade-scheduled'>;
  target: CatalogEdition;
  /** The edition changed from, on a bought subscription. */
  current?: CatalogEdition;
  /** An upgrade's seat price difference for a whole period, in minor units. */
  difference?: number;
}

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
    const plan = this.plan(subscription, catalog, command);
    const now = await this.clocks.now(uow, command.accountId);
    switch (plan.change) {
      case 'downgrade-cancelled':
        subscription.pendingEdition = null;
        break;
      case 'trial-edition-changed':
        subscription.edition = plan.target.code;
        break;
      case 'upgraded':
        subscription.edition = plan.target.code;
        subscription.pendingEdition = null;
        break;
      case 'downgrade-scheduled':
        subscription.pendingEdition = plan.target.code;
        break;
    }
    subscription.updatedAt = now;
    const saved = await this.subscriptions.save(uow, subscription);
    if (plan.change === 'upgraded') await this.chargeUpgrade(saved, catalog, plan, now, uow);
    await announceChange(uow, saved, catalog, plan.change, now);
    return saved;
  }

  /**
   * What the change would do, without doing it: cancel a waiting downgrade, change the trial's edition,
   * upgrade now (with the seat price difference) or downgrade at the period's end; or the refusal it
   * meets. The price preview answers from this too.
   */
  plan(subscription: SubscriptionEntity, catalog: Catalog, command: ChangeEditionCommand): EditionChangePlan {
    if (subscription.pendingEdition && command.edition === subscription.edition) {
      // Choosing the current edition again cancels the downgrade waiting for the period's end.
      return { change: 'downgrade-cancelled', target: this.catalogs.edition(catalog, subscription.edition)! };
    }
    const target = this.check(catalog, subscription, command.edition);
    if (subscription.status === 'trialing') return { change: 'trial-edition-changed', target };
    const term = subscription.term!;
    const current = this.catalogs.edition(catalog, subscription.edition)!;
    const method = subscription.paymentMethod;
    const currency = subscription.currency;
    const difference =
      (seatPrice(catalog, target, term, method, currency) ?? 0) - (seatPrice(catalog, current, term, method, currency) ?? 0);
    if (difference > 0) return { change: 'upgraded', target, current, difference };
    if (isPrepaid(term)) {
      throw SubscriptionsError.changeRefused([
        { field: 'edition', reason: `a prepaid ${current.name} period runs to its end; buy ${target.name} when it expires` },
      ]);
    }
    return { change: 'downgrade-scheduled', target, current };
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
    plan: EditionChangePlan,
    now: Date,
    uow: UnitOfWork,
  ): Promise<void> {
    const charge = upgradeCharge(subscription, catalog, plan, now);
    if (!charge) return;
    await this.charges.add(uow, charge);
    if (isPrepaid(subscription.term)) {
      await this.duePeriods.bill(uow, subscription, catalog, {
        start: charge.serviceStart,
        end: charge.serviceEnd,
        reason: 'proration',
        dueAt: now,
        key: charge.cause,
        chargesOnly: true,
      });
    }
  }
}

/**
 * C2: the prorated charge of an upgrade, from the change day to the period's end, for the seats; none
 * outside the current period (nor for a plan that is not an upgrade).
 */
export function upgradeCharge(
  subscription: SubscriptionEntity,
  catalog: Catalog,
  plan: EditionChangePlan,
  now: Date,
): PendingChargeEntity | null {
  if (plan.change !== 'upgraded' || !plan.current || plan.difference === undefined) return null;
  const today = calendarDateInZone(now, catalog.timeZone);
  const period = { start: subscription.currentPeriodStart!, end: subscription.currentPeriodEnd! };
  if (compareDates(today, period.start) < 0 || compareDates(today, period.end) >= 0) return null;
  return proratedCharge({
    id: randomUUID(),
    accountId: subscription.accountId,
    subscriptionId: subscription.id,
    cause: `upgrade:${subscription.id}:${subscription.version}`,
    code: `${plan.target.code}/${subscription.term}/upgrade`,
    label: `${plan.current.name} → ${plan.target.name}, per user`,
    quantity: subscription.seats,
    periodUnitPriceMinor: plan.difference,
    currency: subscription.currency,
    period,
    changeDate: today,
    at: now,
  });
}
