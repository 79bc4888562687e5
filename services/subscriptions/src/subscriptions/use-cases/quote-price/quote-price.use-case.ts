import { Injectable } from '@nestjs/common';
import { calendarDateInZone, IsoDate } from '@obolus/calendar';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { Catalog, seatPrice } from '../../../catalog/catalog';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { periodDescription } from '../../due-periods';
import { PendingChargeEntity } from '../../entities/pending-charge.entity';
import { SubscriptionEntity } from '../../entities/subscription.entity';
import { isPrepaid } from '../../period-schedule';
import { PendingChargesRepository } from '../../pending-charges.repository';
import { SubscriptionsError } from '../../subscriptions.errors';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { ChangeEditionCommand } from '../change-edition/change-edition.command';
import { ChangeEditionUseCase, upgradeCharge } from '../change-edition/change-edition.use-case';
import { PurchaseCommand } from '../purchase/purchase.command';
import { PurchaseUseCase } from '../purchase/purchase.use-case';
import { QuotePriceCommand } from './quote-price.command';

/** One line of the quote, net of VAT, in integer minor units of the quote's currency. */
export interface QuoteLine {
  description: string;
  quantity: number;
  unitAmount: number;
  amount: number;
  /** First day charged for. */
  periodStart?: IsoDate;
  /** The day the period charged for ends (exclusive), as `currentPeriodEnd` is. */
  periodEnd?: IsoDate;
  /** A charge for part of a period (days left), not a whole period. */
  proration: boolean;
}

/** Why the quote is what it is, as a code the portal words in its language, and the figures it names. */
export interface QuoteExplanation {
  code: string;
  values: Record<string, string | number>;
}

/** The price of a purchase or a change before it is confirmed; amounts are before VAT (invoicing adds it). */
export interface PriceQuote {
  kind: 'purchase' | 'change';
  currency: string;
  lines: QuoteLine[];
  subtotal: number;
  taxNote: string;
  total: number;
  /** What is invoiced and collected at once on confirmation. */
  chargedNow: number;
  /** The next invoice of a monthly or annual subscription: its day and its net amount. */
  nextRenewal?: { date: IsoDate; amount: number };
  explanation: QuoteExplanation[];
}

/** Amounts are before VAT: invoicing adds it on the invoice, at the rate of the buyer and the day. */
export const TAX_NOTE = 'vat.added-on-invoice';

const lineOfCharge = (charge: PendingChargeEntity): QuoteLine => ({
  description: charge.description,
  quantity: charge.quantity,
  unitAmount: charge.unitPriceMinor,
  amount: charge.unitPriceMinor * charge.quantity,
  periodStart: charge.serviceStart,
  periodEnd: charge.serviceEnd,
  proration: true,
});

const sum = (amounts: number[]): number => amounts.reduce((total, amount) => total + amount, 0);

/**
 * The price preview the portal shows before the customer confirms a purchase or a change of edition.
 * It asks the purchase and change use cases for their plan (the same checks, prices and proration, so
 * the same refusals) and prices it; it writes nothing and publishes nothing.
 */
@Injectable()
export class QuotePriceUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly charges: PendingChargesRepository,
    private readonly clocks: AccountClocks,
    private readonly purchase: PurchaseUseCase,
    private readonly changeEdition: ChangeEditionUseCase,
  ) {}

  async execute(command: QuotePriceCommand, uow: UnitOfWork): Promise<PriceQuote> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId);
    if (!subscription) throw SubscriptionsError.subscriptionNotFound();
    const catalog = this.catalogs.get(subscription.catalog);
    const now = await this.clocks.now(uow, command.accountId);
    return command.purchase
      ? this.quotePurchase(subscription, catalog, command.purchase, now, uow)
      : this.quoteChange(subscription, catalog, command.change!, now, uow);
  }

  private async quotePurchase(
    subscription: SubscriptionEntity,
    catalog: Catalog,
    command: PurchaseCommand,
    now: Date,
    uow: UnitOfWork,
  ): Promise<PriceQuote> {
    const today = calendarDateInZone(now, catalog.timeZone);
    const plan = this.purchase.plan(subscription, catalog, command, today);
    const lines: QuoteLine[] = [
      {
        description: periodDescription(plan.edition, command.term, plan.start, plan.end),
        quantity: command.seats,
        unitAmount: plan.unitPriceMinor,
        amount: plan.unitPriceMinor * command.seats,
        periodStart: plan.start,
        periodEnd: plan.end,
        proration: false,
      },
    ];
    const explanation: QuoteExplanation[] = [];
    if (plan.mode === 'activate') {
      explanation.push({
        code: 'purchase.period',
        values: { edition: plan.edition.code, term: command.term, seats: command.seats, start: plan.start, end: plan.end },
      });
      if (subscription.status === 'trialing' && subscription.trialEndsOn)
        explanation.push({ code: 'purchase.trial-ends', values: { trialEndsOn: subscription.trialEndsOn } });
    } else {
      // An extension is billed with the charges still waiting for an invoice (DuePeriods).
      explanation.push({ code: 'purchase.extension', values: { from: plan.start, to: plan.end } });
      const pending = (await this.unbilled(subscription, uow)).map(lineOfCharge);
      if (pending.length)
        explanation.push({ code: 'charges.pending-included', values: { amount: sum(pending.map((l) => l.amount)) } });
      lines.push(...pending);
    }
    const total = sum(lines.map((line) => line.amount));
    let nextRenewal: PriceQuote['nextRenewal'];
    if (isPrepaid(command.term)) explanation.push({ code: 'prepaid.expires', values: { date: plan.end } });
    else {
      nextRenewal = { date: plan.end, amount: plan.unitPriceMinor * command.seats };
      explanation.push({ code: 'renewal.next', values: { ...nextRenewal } });
    }
    return this.quote('purchase', plan.currency, lines, total, nextRenewal, explanation);
  }

  private async quoteChange(
    subscription: SubscriptionEntity,
    catalog: Catalog,
    command: ChangeEditionCommand,
    now: Date,
    uow: UnitOfWork,
  ): Promise<PriceQuote> {
    const plan = this.changeEdition.plan(subscription, catalog, command);
    const explanation: QuoteExplanation[] = [];
    const lines: QuoteLine[] = [];
    if (plan.change === 'trial-edition-changed') {
      explanation.push({
        code: 'trial.edition-changed',
        values: { edition: plan.target.code, ...(subscription.trialEndsOn ? { trialEndsOn: subscription.trialEndsOn } : {}) },
      });
      return this.quote('change', subscription.currency, lines, 0, undefined, explanation);
    }
    const prepaid = isPrepaid(subscription.term);
    const charge = upgradeCharge(subscription, catalog, plan, now);
    if (charge) {
      const line = lineOfCharge(charge);
      lines.push(line);
      const days = { days: charge.days, periodDays: charge.periodDays, from: charge.serviceStart, to: charge.serviceEnd };
      explanation.push({ code: 'proration.credit-unused', values: { edition: plan.current!.code, ...days } });
      explanation.push({
        code: 'proration.charge-remaining',
        values: { edition: plan.target.code, ...days, unitDifference: plan.difference!, amount: line.amount },
      });
    }
    if (plan.change === 'downgrade-scheduled') {
      explanation.push({
        code: 'change.at-period-end',
        values: { edition: plan.target.code, date: subscription.currentPeriodEnd! },
      });
    } else if (plan.change === 'downgrade-cancelled') {
      explanation.push({ code: 'change.downgrade-cancelled', values: { edition: plan.target.code } });
    }
    const total = sum(lines.map((line) => line.amount));
    if (prepaid) {
      // A prepaid period has no next invoice: the upgrade is billed at once, and the period expires.
      if (charge) explanation.push({ code: 'proration.charged-now', values: { amount: total } });
      explanation.push({ code: 'prepaid.expires', values: { date: subscription.currentPeriodEnd! } });
      return this.quote('change', subscription.currency, lines, total, undefined, explanation, total);
    }
    const nextRenewal = await this.nextRenewal(
      subscription,
      catalog,
      plan.change === 'downgrade-cancelled' ? null : plan.target.code,
      uow,
    );
    nextRenewal.amount += total;
    if (charge) explanation.push({ code: 'proration.on-next-invoice', values: { date: nextRenewal.date, amount: total } });
    explanation.push({ code: 'renewal.next', values: { ...nextRenewal } });
    return this.quote('change', subscription.currency, lines, total, nextRenewal, explanation);
  }

  /**
   * The next invoice of a monthly or annual subscription as it stands (after a staff early billing, at the
   * end of what was billed): the next period at the edition and seats it will have, and the charges waiting.
   */
  private async nextRenewal(
    subscription: SubscriptionEntity,
    catalog: Catalog,
    edition: string | null,
    uow: UnitOfWork,
  ): Promise<{ date: IsoDate; amount: number }> {
    const next = this.catalogs.edition(catalog, edition ?? subscription.pendingEdition ?? subscription.edition)!;
    const price = seatPrice(catalog, next, subscription.term!, subscription.paymentMethod, subscription.currency) ?? 0;
    const pending = sum((await this.unbilled(subscription, uow)).map((charge) => charge.unitPriceMinor * charge.quantity));
    return {
      date: subscription.billedThrough ?? subscription.currentPeriodEnd!,
      amount: price * (subscription.pendingSeats ?? subscription.seats) + pending,
    };
  }

  private async unbilled(subscription: SubscriptionEntity, uow: UnitOfWork): Promise<PendingChargeEntity[]> {
    const charges = await this.charges.unbilled(uow, subscription.accountId, subscription.id);
    return charges.filter((charge) => charge.unitPriceMinor > 0);
  }

  private quote(
    kind: PriceQuote['kind'],
    currency: string,
    lines: QuoteLine[],
    total: number,
    nextRenewal: PriceQuote['nextRenewal'],
    explanation: QuoteExplanation[],
    chargedNow = kind === 'purchase' ? total : 0,
  ): PriceQuote {
    return {
      kind,
      currency,
      lines,
      subtotal: total,
      taxNote: TAX_NOTE,
      total,
      chargedNow,
      ...(nextRenewal ? { nextRenewal } : {}),
      explanation,
    };
  }
}
