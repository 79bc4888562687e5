import { Injectable } from '@nestjs/common';
import { addDays, IsoDate } from '@obolus/calendar';
import { PaymentMethodKind, SubscriptionRenewalDueV1, SubscriptionRenewalDueV1Data, Term } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Catalog, CatalogEdition, seatPrice } from '../catalog/catalog';
import { SubscriptionEntity } from './entities/subscription.entity';
import { chargeLine } from './mappers/proration';
import { PendingChargesRepository } from './pending-charges.repository';
import { SubscriptionsError } from './subscriptions.errors';

export interface DuePeriod {
  start: IsoDate;
  end: IsoDate;
  reason: SubscriptionRenewalDueV1Data['reason'];
  /** When it fell due: the tax point. */
  dueAt: Date;
  /** Names the period's invoice; the pending charges it carries are marked with it. */
  key: string;
  /** Bill only the pending charges (a prepaid change charged at once), not a period of the edition. */
  chargesOnly?: boolean;
}

/** How a period of an edition is named on its line, e.g. "Premium (annual), 2027-01-05 – 2028-01-04". */
export const periodDescription = (edition: Pick<CatalogEdition, 'name'>, term: string, start: IsoDate, end: IsoDate): string =>
  `${edition.name} (${term}), ${start} – ${addDays(end, -1)}`;

/**
 * Bills a further period of a bought subscription: the edition's seats for the period, and every
 * prorated charge waiting for the next invoice, as one `subscription.renewal-due`. Invoicing prices
 * it and asks for the payment; the invoice follows the payment.
 */
@Injectable()
export class DuePeriods {
  constructor(private readonly charges: PendingChargesRepository) {}

  async bill(uow: UnitOfWork, subscription: SubscriptionEntity, catalog: Catalog, period: DuePeriod): Promise<boolean> {
    const term = subscription.term as Term;
    const edition = catalog.editions.find((e) => e.code === subscription.edition);
    const price = edition ? seatPrice(catalog, edition, term, subscription.paymentMethod, subscription.currency) : undefined;
    if (!edition || price === undefined) throw SubscriptionsError.noPrice(subscription.edition, term);
    const pending = await this.charges.unbilled(uow, subscription.accountId, subscription.id);
    const lines: SubscriptionRenewalDueV1Data['lines'] = period.chargesOnly
      ? []
      : [
          {
            code: `${edition.code}/${term}`,
            description: periodDescription(edition, term, period.start, period.end),
            quantity: subscription.seats,
            unitPriceMinor: price,
          },
        ];
    lines.push(...pending.filter((charge) => charge.unitPriceMinor > 0).map(chargeLine));
    if (!lines.length) return false;
    await this.charges.markBilled(
      uow,
      pending.map((charge) => charge.id),
      period.key,
    );
    await uow.emit(SubscriptionRenewalDueV1, {
      accountId: subscription.accountId,
      subject: subscription.id,
      data: {
        accountId: subscription.accountId,
        subscriptionId: subscription.id,
        catalog: catalog.code,
        sellerEntity: catalog.sellerEntity,
        edition: edition.code,
        term,
        seats: subscription.seats,
        currency: subscription.currency,
        paymentMethod: subscription.paymentMethod as PaymentMethodKind,
        periodStart: period.start,
        periodEnd: period.end,
        reason: period.reason,
        lines,
        dueAt: period.dueAt.toISOString(),
      },
    });
    return true;
  }
}
