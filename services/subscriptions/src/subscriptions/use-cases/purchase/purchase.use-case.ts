import { Injectable } from '@nestjs/common';
import { addDays, addMonths, calendarDateInZone, compareDates, IsoDate, MONTHLY_CYCLE_DAYS } from '@obolus/calendar';
import { debitCountryRefusal, MAX_CHARGE_MINOR, SubscriptionActivatedV1 } from '@obolus/contracts';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { FieldProblem } from '@obolus/platform';
import { highestStandardRate } from '@obolus/vat';
import { Catalog, CatalogEdition, offeredCurrencies, ownValue, seatPrice, TermCode } from '../../../catalog/catalog';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { SubscriptionEntity } from '../../entities/subscription.entity';
import { SubscriptionsError } from '../../subscriptions.errors';
import { DuePeriods, periodDescription } from '../../due-periods';
import { announceChange } from '../../mappers/subscription-changed';
import { cancelPeriodEnd, isPrepaid, periodJobKey, planPeriodEnd } from '../../period-schedule';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { cancelTrialEnd } from '../../trial-schedule';
import { PurchaseCommand } from './purchase.command';

/** The one currency a payment method collects in, for the methods bound to one (P2). */
const METHOD_CURRENCY: Partial<Record<PurchaseCommand['paymentMethod'], string>> = {
  sepa_debit: 'EUR',
  ach_debit: 'USD',
  paypal: 'USD',
};

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

/** What a purchase does: start the first period, or extend the running prepaid one (B2). */
export interface PurchasePlan {
  mode: 'activate' | 'extend';
  edition: CatalogEdition;
  /** The net price of one seat for the whole period, in minor units of `currency`. */
  unitPriceMinor: number;
  currency: string;
  start: IsoDate;
  /** Exclusive: the day the period bought ends (its renewal or expiry day). */
  end: IsoDate;
}

/**
 * The customer buys an edition, a term and seats, during the trial or after it (T4). The subscription
 * becomes active and the first period is due: invoicing prices it with VAT and payments collects it.
 * A trialing, free or blocked subscription can be bought (a blocked one is unblocked); the trial's end and
 * its notice are cancelled, since the trial is over once bought. What happens at the period's end is
 * planned in the same unit of work: a renewal (monthly, annual) or the expiry and its notice (prepaid).
 *
 * A running prepaid period is extended by buying again (B2): the new period counts from the current
 * expiry, with the same edition only (B3: Premium is extended with Premium).
 */
@Injectable()
export class PurchaseUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly clocks: AccountClocks,
    private readonly jobs: JobScheduler,
    private readonly duePeriods: DuePeriods,
  ) {}

  async execute(command: PurchaseCommand, uow: UnitOfWork): Promise<SubscriptionEntity> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId, true);
    if (!subscription) throw SubscriptionsError.subscriptionNotFound();
    const catalog = this.catalogs.get(subscription.catalog);
    const now = await this.clocks.now(uow, command.accountId);
    const plan = this.plan(subscription, catalog, command, calendarDateInZone(now, catalog.timeZone));
    if (plan.mode === 'extend') return this.extend(subscription, catalog, command, plan, now, uow);
    const { edition, unitPriceMinor: price, currency, start: today, end } = plan;
    Object.assign(subscription, {
      edition: command.edition,
      status: 'active',
      term: command.term,
      seats: command.seats,
      paymentMethod: command.paymentMethod,
      currency,
      currentPeriodStart: today,
      currentPeriodEnd: end,
      pendingEdition: null,
      pendingSeats: null,
      billedThrough: null,
      updatedAt: now,
    });
    const saved = await this.subscriptions.save(uow, subscription);
    await cancelTrialEnd(this.jobs, uow, saved);
    await planPeriodEnd(this.jobs, uow, saved, catalog.timeZone, now);
    await uow.emit(SubscriptionActivatedV1, {
      accountId: command.accountId,
      subject: subscription.id,
      data: {
        accountId: command.accountId,
        subscriptionId: subscription.id,
        catalog: catalog.code,
        sellerEntity: catalog.sellerEntity,
        edition: command.edition,
        term: command.term,
        seats: command.seats,
        currency,
        paymentMethod: command.paymentMethod,
        periodStart: today,
        periodEnd: end,
        lines: [
          {
            code: `${command.edition}/${command.term}`,
            description: periodDescription(edition, command.term, today, end),
            quantity: command.seats,
            unitPriceMinor: price,
          },
        ],
        activatedAt: now.toISOString(),
      },
    });
    await announceChange(uow, saved, catalog, 'purchased', now);
    return saved;
  }

  /**
   * What the purchase would do, priced, without doing it: the period bought (from today, or from the
   * running prepaid period's end when it extends it, B2) and the seat price, or the refusal it meets.
   * The price preview answers from this too, so it can never disagree with the purchase.
   */
  plan(subscription: SubscriptionEntity, catalog: Catalog, command: PurchaseCommand, today: IsoDate): PurchasePlan {
    if (subscription.status === 'active') {
      if (!isPrepaid(subscription.term) || !isPrepaid(command.term)) throw SubscriptionsError.alreadyActive();
      if (command.edition !== subscription.edition) {
        const name = this.catalogs.edition(catalog, subscription.edition)?.name ?? subscription.edition;
        throw SubscriptionsError.purchaseRefused([
          { field: 'edition', reason: `a running ${name} period can only be extended with ${name} (B3)` },
        ]);
      }
    }
    const unitPriceMinor = this.check(catalog, command, today, subscription);
    const edition = this.catalogs.edition(catalog, command.edition)!;
    if (subscription.status !== 'active') {
      const currency = command.currency ?? catalog.currency;
      return { mode: 'activate', edition, unitPriceMinor, currency, start: today, end: periodEnd(today, command.term) };
    }
    const runningEnd = subscription.currentPeriodEnd!;
    const start = compareDates(runningEnd, today) > 0 ? runningEnd : today;
    const end = periodEnd(start, command.term);
    return { mode: 'extend', edition, unitPriceMinor, currency: subscription.currency, start, end };
  }

  /** B2, B3: a prepaid period bought while one runs adds its months to the current expiry. */
  private async extend(
    subscription: SubscriptionEntity,
    catalog: Catalog,
    command: PurchaseCommand,
    plan: PurchasePlan,
    now: Date,
    uow: UnitOfWork,
  ): Promise<SubscriptionEntity> {
    const { start: from, end } = plan;
    await cancelPeriodEnd(this.jobs, uow, subscription.id, subscription.currentPeriodEnd!);
    Object.assign(subscription, {
      term: command.term,
      seats: command.seats,
      paymentMethod: command.paymentMethod,
      currentPeriodEnd: end,
      updatedAt: now,
    });
    const saved = await this.subscriptions.save(uow, subscription);
    await planPeriodEnd(this.jobs, uow, saved, catalog.timeZone, now);
    await this.duePeriods.bill(uow, saved, catalog, {
      start: from,
      end,
      reason: 'extension',
      dueAt: now,
      key: periodJobKey(saved.id, end),
    });
    await announceChange(uow, saved, catalog, 'extended', now);
    return saved;
  }

  /**
   * Every reason the purchase is refused, with the field it concerns. Returns the seat price.
   * The currency is one the catalog offers (the running period's, when a prepaid period is extended);
   * SEPA debits are in euros and ACH debits in dollars; PayPal (P2) is for a USD annual purchase.
   */
  private check(catalog: Catalog, command: PurchaseCommand, taxPointDate: IsoDate, subscription: SubscriptionEntity): number {
    const fields: FieldProblem[] = [];
    if (command.seats < subscription.users) {
      fields.push({ field: 'seats', reason: `the account has ${subscription.users} users; buy at least as many seats` });
    }
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
    const currency = command.currency ?? catalog.currency;
    const currencies = offeredCurrencies(catalog);
    if (!currencies.includes(currency)) {
      fields.push({ field: 'currency', reason: `must be one of ${currencies.join(', ')} in ${catalog.code}` });
    } else if (subscription.status === 'active' && currency !== subscription.currency) {
      fields.push({
        field: 'currency',
        reason: `the running period is paid in ${subscription.currency}; extend it in ${subscription.currency}`,
      });
    }
    const methodCurrency = METHOD_CURRENCY[command.paymentMethod];
    if (methodCurrency && currency !== methodCurrency) {
      fields.push({
        field: 'paymentMethod',
        reason: `${command.paymentMethod} collects ${methodCurrency} only, not ${currency}`,
      });
    }
    const notOffered = subscription.country ? debitCountryRefusal(command.paymentMethod, subscription.country) : null;
    if (notOffered) fields.push({ field: 'paymentMethod', reason: notOffered });
    if (command.paymentMethod === 'paypal' && command.term !== 'annual' && allowed.includes('paypal')) {
      fields.push({ field: 'term', reason: 'PayPal pays for the annual term only' });
    }
    const price = edition ? seatPrice(catalog, edition, command.term, command.paymentMethod, currency) : undefined;
    if (edition && price !== undefined && !fields.length) {
      const highest = highestStandardRate(taxPointDate);
      const net = price * command.seats;
      const gross = net + Math.ceil((net * highest.rateBasisPoints) / 10_000);
      if (gross > MAX_CHARGE_MINOR) {
        fields.push({
          field: 'seats',
          reason: `${command.seats} seat(s) of ${edition.name} (${command.term}) would cost up to ${gross} minor units of ${currency} with VAT at ${highest.ratePercent}%, more than the ${MAX_CHARGE_MINOR} a single payment can collect`,
        });
      }
    }
    if (fields.length || price === undefined) throw SubscriptionsError.purchaseRefused(fields);
    return price;
  }
}
