import { InvoiceIssuedV1Data } from '@obolus/contracts';
import { DOCUMENT_LABELS, PAYMENT_METHOD_LABELS, vatCategoryInWords, wordFor } from './labels';
import { legalMentions } from './legal-mentions';
import { formatDate } from './locale-format';
import { DocumentPage, renderDocumentPdf } from './pdf-layout';

export type InvoicePdfContent = Omit<InvoiceIssuedV1Data, 'pdf' | 'recipients' | 'issuedAt'>;

/** "Seria OBRO-2026 nr. 000042": a Romanian document names its series and its number in it (Codul fiscal art. 319). */
export function seriesHeading(document: { number: string; series: string; locale: InvoicePdfContent['locale'] }): string {
  const prefix = `${document.series}-`;
  const sequence = document.number.startsWith(prefix) ? document.number.slice(prefix.length) : document.number;
  return DOCUMENT_LABELS[document.locale].seriesAndNumber.replace('{series}', document.series).replace('{sequence}', sequence);
}

/** What an issued invoice shows, in its language, with the mentions of its seller's country and VAT case (I5). */
export function invoicePage(invoice: InvoicePdfContent): DocumentPage {
  const { locale } = invoice;
  const t = DOCUMENT_LABELS[locale];
  const date = (isoDate: string) => formatDate(isoDate, locale);
  const romanian = invoice.seller.address.country === 'RO';
  const method = wordFor(PAYMENT_METHOD_LABELS[locale], invoice.payment.method) ?? invoice.payment.method;
  return {
    locale,
    currency: invoice.currency,
    title: `${t.invoice} ${invoice.number}`,
    number: invoice.number,
    headings: [
      ...(romanian ? [seriesHeading(invoice)] : []),
      `${t.issueDate}${t.colon}${date(invoice.issueDate)}`,
      `${t.taxPointDate}${t.colon}${date(invoice.taxPointDate)}`,
      `${t.dueDate}${t.colon}${date(invoice.dueDate)}`,
    ],
    seller: invoice.seller,
    buyer: invoice.buyer,
    lines: invoice.lines,
    vatBreakdown: invoice.vatBreakdown.map((entry) => ({
      ...entry,
      category: vatCategoryInWords(entry.vatCategory, invoice.seller.address.country, invoice.buyer.address.country, locale),
    })),
    totals: [
      { label: t.totalNet, minor: invoice.totals.netMinor },
      { label: t.totalVat, minor: invoice.totals.vatMinor },
      { label: t.totalGross, minor: invoice.totals.grossMinor, bold: true },
      { label: t.payable, minor: invoice.totals.payableMinor },
    ],
    notes: invoice.totals.paidMinor > 0 ? [t.paid.replace('{date}', date(invoice.issueDate)).replace('{method}', method)] : [],
    mentions: legalMentions({ ...invoice, kind: 'invoice' }),
  };
}

/** Renders an issued invoice as an A4 PDF, in the invoice's language. */
export function renderInvoicePdf(invoice: InvoicePdfContent): Promise<Buffer> {
  return renderDocumentPdf(invoicePage(invoice));
}
