import { CatalogCode, InvoicePaymentRequestedV1Data, Locale } from '@obolus/contracts';
import { SellerEntity } from '../../sellers/seller-registry';
import { DraftEntity } from '../entities/draft.entity';
import { priceDraft } from '../pricing/price-draft';
import { RequestPaymentInput } from '../use-cases/request-payment/request-payment.command';
import { InvoiceParty, sellerParty } from './seller-party';

/** The language of an account's invoices when its owner's is not known: the catalog's country's. */
export const defaultLocaleOf = (catalog: CatalogCode): Locale => (catalog === 'ro-crm' ? 'ro' : 'fr');

export interface DraftParties {
  seller: SellerEntity;
  buyer: InvoiceParty;
  locale: Locale;
  taxPointDate: string;
  /** VIES has verified the buyer's VAT number (V3): a business elsewhere in the EU is then reverse-charged. */
  vatIdVerified: boolean;
}

/** A due period priced with the VAT of the buyer's case on the tax point, as a draft awaiting its payment. */
export function activationToDraft(
  activation: RequestPaymentInput,
  { seller, buyer, locale, taxPointDate, vatIdVerified }: DraftParties,
  draftId: string,
  createdAt: Date,
): DraftEntity {
  const priced = priceDraft({
    sellerCountry: seller.address.country,
    buyerCountry: buyer.address.country,
    buyerType: buyer.buyerType ?? 'individual',
    vatIdVerified,
    taxPointDate,
    currency: activation.currency,
    locale,
    lines: activation.lines.map(({ description, quantity, unitPriceMinor }) => ({ description, quantity, unitPriceMinor })),
  });
  return {
    id: draftId,
    accountId: activation.accountId,
    subscriptionId: activation.subscriptionId,
    causeEventId: activation.eventId,
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
    createdAt,
  };
}

/** What `invoice.payment-requested` asks payments to collect for a draft. */
export function paymentRequestOf(draft: DraftEntity, activation: RequestPaymentInput): InvoicePaymentRequestedV1Data {
  return {
    accountId: draft.accountId,
    draftId: draft.id,
    subscriptionId: draft.subscriptionId,
    currency: draft.currency,
    amountDueMinor: draft.totals.grossMinor,
    paymentMethod: activation.paymentMethod,
    description: activation.lines.map((line) => line.description).join('; '),
    requestedAt: draft.createdAt.toISOString(),
  };
}
