import { Injectable } from '@nestjs/common';
import { addDays, addMonths, calendarDateInZone, IsoDate, MONTHLY_CYCLE_DAYS } from '@obolus/calendar';
import { MAX_CHARGE_MINOR, SubscriptionActivatedV1 } from '@obolus/contracts';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { Clock, FieldProblem } from '@obolus/platform';
import { highestStandardRate } from '@obolus/vat';
import { Catalog, ownValue, TermCode } from '../../../catalog/catalog';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { SubscriptionEntity } from '../../entities/subscription.entity';
import { SubscriptionsError } from '../../subscriptions.errors';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { TRIAL_END_JOB, TRIAL_ENDING_NOTICE_JOB } from '../../trial-schedule';
import { PurchaseCommand } from './purchase.command';

/** B1: monthly is every 30 days; annual a year; prepaid terms add whole months (B2). */
export function periodEnd(start: IsoDate, term: TermCode): IsoDate {
  switch (term) {
    case 'monthly':
      return addDays(start, MONTHLY_CYCLE_DAYS);
    case 'annual':
      return addMonths(start, 12);
    case 'prepaid-1':
      return addMonths(start, 1);
    case 'prepaid-6':
      return addMonths(start, 6);
    case 'prepaid-12':
      return addMonths(start, 12);
  }
}

/**
 * The customer buys an edition, a term and seats, during the trial or after it (T4). The subscription
 * becomes active and the first period is due: invoicing prices it with VAT and payments collects it.
 * A trialing, free or blocked subscription can be bought (a blocked one is unblocked); the trial's end and
 * its notice are cancelled, since the trial is over once bought.
 */
@Injectable()
export class PurchaseUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly clock: Clock,
    private readonly jobs: JobScheduler,
  ) {}

  async execute(command: PurchaseCommand, uow: UnitOfWork): Promise<SubscriptionEntity> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId, true);
    if (!subscription) throw SubscriptionsError.subscriptionNotFound();
    if (subscription.status === 'active') throw SubscriptionsError.alreadyActive();
    const catalog = this.catalogs.get(subscription.catalog);
    const now = this.clock.now();
    const start = calendarDateInZone(now, catalog.timeZone);
    const price = this.check(catalog, command, start);
    const end = periodEnd(start, command.term);
    const edition = this.catalogs.edition(catalog, command.edition)!;
    Object.assign(subscription, {
      edition: command.edition,
      status: 'active',
      term: command.term,
      seats: command.seats,
      paymentMethod: command.paymentMethod,
      currentPeriodStart: start,
      currentPeriodEnd: end,
      updatedAt: now,
    });
    const saved = await this.subscriptions.save(uow, subscription);
    await this.jobs.cancel(uow, TRIAL_END_JOB, subscription.id);
    await this.jobs.cancel(uow, TRIAL_ENDING_NOTICE_JOB, subscription.id);
    await uow.emit(SubscriptionActivatedV1, {
      accountId: command.accountId,
      subject: subscription.id,
      data: {
        accountId: command.accountId,
        subscriptionId: subscription.id,
        catalog: catalog.code,
        edition: command.edition,
        term: command.term,
        seats: command.seats,
        currency: catalog.currency,
        paymentMethod: command.paymentMethod,
        periodStart: start,
        periodEnd: end,
        lines: [
          {
            code: `${command.edition}/${command.term}`,
            description: `${edition.name} (${command.term}), ${start} – ${addDays(end, -1)}`,
            quantity: command.seats,
            unitPriceMinor: price,
          },
        ],
        activatedAt: now.toISOString(),
      },
    });
    return saved;
  }

  /** Every reason the purchase is refused, with the field it concerns. Returns the seat price. */
  private check(catalog: Catalog, command: PurchaseCommand, taxPointDate: IsoDate): number {
    const fields: FieldProblem[] = [];
    const edition = this.catalogs.edition(catalog, command.edition);
    if (!edition)
      fields.push({
        field: 'edition',
        reason: `is not an edition of ${catalog.code}: ${catalog.editions.map((e) => e.code).join(', ')}`,
      });
    if (edition && edition.code === catalog.freeEdition)
      fields.push({ field: 'edition', reason: 'is free and cannot be bought' });
    if (!catalog.terms.includes(command.term))
      fields.push({ field: 'term', reason: `must be one of ${catalog.terms.join(', ')} in ${catalog.code}` });
    if (edition && command.seats > edition.maxSeats) {
      fields.push({ field: 'seats', reason: `${edition.name} is for at most ${edition.maxSeats} user(s)` });
    }
    const allowed = ownValue(catalog.paymentMethods, command.term) ?? [];
    if (catalog.terms.includes(command.term) && !allowed.includes(command.paymentMethod)) {
      fields.push({ field: 'paymentMethod', reason: `must be one of ${allowed.join(', ')} for the ${command.term} term` });
    }
    const price = edition ? ownValue(edition.prices, command.term) : undefined;
    if (edition && price !== undefined && !fields.length) {
      const highest = highestStandardRate(taxPointDate);
      const net = price * command.seats;
      const gross = net + Math.ceil((net * highest.rateBasisPoints) / 10_000);
      if (gross > MAX_CHARGE_MINOR) {
        fields.push({
          field: 'seats',
          reason: `${command.seats} seat(s) of ${edition.name} (${command.term}) would cost up to ${gross} minor units of ${catalog.currency} with VAT at ${highest.ratePercent}%, more than the ${MAX_CHARGE_MINOR} a single payment can collect`,
        });
      }
    }
    if (fields.length || price === undefined) throw SubscriptionsError.purchaseRefused(fields);
    return price;
  }
}
