import { Injectable } from '@nestjs/common';
import { calendarDateInZone } from '@obolus/calendar';
import { CloudEvent, InvoiceIssuedV1Data, InvoicePaymentRequestedV1, SubscriptionActivatedV1Data } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { BillingDetailsEntity } from '../../../billing-details/billing-details.entity';
import { CustomerEntity } from '../../../customers/customer.entity';
import { SellerEntity, SellerRegistry } from '../../../sellers/seller-registry';
import { InvoicesRepository } from '../../invoices.repository';
import { priceDraft } from '../../pricing/price-draft';

type Party = InvoiceIssuedV1Data['seller'];

export function sellerParty(seller: SellerEntity): Party {
  return {
    legalName: seller.legalName,
    vatId: seller.vatId,
    companyId: seller.companyId,
    tradeRegisterNumber: seller.tradeRegisterNumber,
    email: seller.email,
    address: seller.address,
  };
}

/** The buyer as its billing details say (V1), or as it signed up when it has set none yet. */
export function buyerParty(
  details: BillingDetailsEntity | null,
  customer: CustomerEntity | null,
  fallbackCountry: string,
): Party {
  if (details) {
    return {
      legalName: details.legalName,
      buyerType: details.buyerType,
      ...(details.vatNumber ? { vatId: details.vatNumber } : {}),
      ...(details.companyId ? { companyId: details.companyId } : {}),
      ...(details.tradeRegisterNumber ? { tradeRegisterNumber: details.tradeRegisterNumber } : {}),
      address: {
        line1: details.line1,
        ...(details.line2 ? { line2: details.line2 } : {}),
        city: details.city,
        ...(details.postalCode ? { postalCode: details.postalCode } : {}),
        ...(details.countrySubdivision ? { countrySubdivision: details.countrySubdivision } : {}),
        country: details.country,
      },
    };
  }
  // PRODUCT V2: a customer who has not said it is a business is an individual.
  return {
    legalName: customer?.companyName ?? 'Customer',
    buyerType: 'individual',
    address: { line1: '-', city: '-', country: customer?.country ?? fallbackCountry },
  };
}

/**
 * A subscription's period is due: price it with the VAT of the buyer's case on today's tax point,
 * keep it as a draft, and ask for the payment. The fiscal invoice and its number come after it (I1).
 */
@Injectable()
export class RequestPaymentUseCase {
  constructor(
    private readonly sellers: SellerRegistry,
    private readonly invoices: InvoicesRepository,
  ) {}

  async execute(event: CloudEvent<SubscriptionActivatedV1Data>, { manager, emit }: EventHandlerContext): Promise<void> {
    const activation = event.data;
    const seller = this.sellers.forCatalog(activation.catalog);
    const [details, customer] = await this.buyerRecords(manager, activation.accountId);
    const buyer = buyerParty(details, customer, seller.address.country);
    const locale = customer?.locale ?? (activation.catalog === 'ro-crm' ? 'ro' : 'fr');
    const taxPointDate = calendarDateInZone(activation.activatedAt, seller.timeZone);
    const priced = priceDraft({
      sellerCountry: seller.address.country,
      buyerCountry: buyer.address.country,
      buyerType: buyer.buyerType ?? 'individual',
      // VIES verification is recorded with the billing details; until verified, VAT is charged (V3).
      vatIdVerified: false,
      taxPointDate,
      currency: activation.currency,
      locale,
      lines: activation.lines.map((line) => ({
        description: line.description,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
      })),
    });
    const draftId = randomUUID();
    const inserted = await this.invoices.insertDraft(manager, {
      id: draftId,
      accountId: activation.accountId,
      subscriptionId: activation.subscriptionId,
      causeEventId: event.id,
      catalog: activation.catalog,
      sellerEntity: seller.code,
      currency: activation.currency,
      locale,
      taxPointDate,
      seller: sellerParty(seller),
      buyer,
      lines: priced.lines,
      vatBreakdown: priced.vatBreakdown,
      totals: priced.totals,
      legalMention: priced.vat.treatment === 'domestic' ? null : priced.vat.mention[locale],
      paymentMethod: activation.paymentMethod,
      status: 'awaiting_payment',
      invoiceId: null,
      createdAt: new Date(),
    });
    if (!inserted) return;
    await emit(InvoicePaymentRequestedV1, {
      accountId: activation.accountId,
      subject: draftId,
      data: {
        accountId: activation.accountId,
        draftId,
        subscriptionId: activation.subscriptionId,
        currency: activation.currency,
        amountDueMinor: priced.totals.grossMinor,
        paymentMethod: activation.paymentMethod,
        description: activation.lines.map((line) => line.description).join('; '),
        requestedAt: new Date().toISOString(),
      },
    });
  }

  private buyerRecords(manager: EntityManager, accountId: string): Promise<[BillingDetailsEntity | null, CustomerEntity | null]> {
    return Promise.all([
      manager.findOne(BillingDetailsEntity, { where: { accountId } }),
      manager.findOne(CustomerEntity, { where: { accountId } }),
    ]);
  }
}
