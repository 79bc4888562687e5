import { Locale, ProformaIssuedV1Data } from '@obolus/contracts';
import { formatPaymentReference } from '@obolus/bank-statements';
import { seriesHeading } from './invoice-pdf';
import { DOCUMENT_LABELS, vatCategoryInWords } from './labels';
import { vatCaseMentions } from './legal-mentions';
import { formatAmount, formatDate } from './locale-format';
import { DocumentPage, renderDocumentPdf } from './pdf-layout';

export type ProformaPdfContent = Omit<ProformaIssuedV1Data, 'pdf' | 'recipients' | 'issuedAt'>;

const PROFORMA_LABELS: Record<
  Locale,
  {
    title: string;
    payBy: string;
    notAnInvoice: string;
    transfer: string;
    iban: string;
    bic: string;
    holder: string;
    reference: string;
  }
> = {
  fr: {
    title: 'Facture proforma',
    payBy: 'À régler avant le',
    notAnInvoice: "Ce document n'est pas une facture : la facture suivra la réception du virement.",
    transfer: 'Virement de {amount} à :',
    iban: 'IBAN',
    bic: 'BIC',
    holder: 'Titulaire',
    reference: 'Référence à indiquer (obligatoire)',
  },
  ro: {
    title: 'Factură proformă',
    payBy: 'De plătit până la',
    notAnInvoice: 'Acest document nu este o factură fiscală: factura va fi emisă la primirea plății.',
    transfer: 'Ordin de plată de {amount} către:',
    iban: 'IBAN',
    bic: 'BIC',
    holder: 'Titular',
    reference: 'Referință de menționat (obligatoriu)',
  },
  en: {
    title: 'Proforma invoice',
    payBy: 'Pay by',
    notAnInvoice: 'This is not an invoice: the invoice follows when the transfer arrives.',
    transfer: 'Transfer {amount} to:',
    iban: 'IBAN',
    bic: 'BIC',
    holder: 'Account holder',
    reference: 'Reference to quote (required)',
  },
};

/**
 * What a proforma shows (I4): not a fiscal invoice, and it says so; the amount, VAT included, with the
 * seller's IBAN and BIC and the ISO 11649 reference the transfer must carry, printed in groups of four
 * as banks show it; the VAT case's mentions as the invoice will carry them.
 */
export function proformaPage(proforma: ProformaPdfContent): DocumentPage {
  const { locale } = proforma;
  const t = DOCUMENT_LABELS[locale];
  const p = PROFORMA_LABELS[locale];
  const date = (isoDate: string) => formatDate(isoDate, locale);
  const romanian = proforma.seller.address.country === 'RO';
  const amount = formatAmount(proforma.transfer.amountMinor, proforma.currency, locale);
  return {
    locale,
    currency: proforma.currency,
    title: `${p.title} ${proforma.number}`,
    number: proforma.number,
    headings: [
      ...(romanian ? [seriesHeading(proforma)] : []),
      `${t.issueDate}${t.colon}${date(proforma.issueDate)}`,
      `${p.payBy}${t.colon}${date(proforma.dueDate)}`,
    ],
    seller: proforma.seller,
    buyer: proforma.buyer,
    lines: proforma.lines,
    vatBreakdown: proforma.vatBreakdown.map((entry) => ({
      ...entry,
      category: vatCategoryInWords(entry.vatCategory, proforma.seller.address.country, proforma.buyer.address.country, locale),
    })),
    totals: [
      { label: t.totalNet, minor: proforma.totals.netMinor },
      { label: t.totalVat, minor: proforma.totals.vatMinor },
      { label: t.totalGross, minor: proforma.totals.grossMinor, bold: true },
    ],
    notes: [
      p.notAnInvoice,
      p.transfer.replace('{amount}', amount),
      `${p.iban}${t.colon}${proforma.transfer.iban.replace(/(.{4})(?=.)/g, '$1 ')}`,
      `${p.bic}${t.colon}${proforma.transfer.bic}`,
      `${p.holder}${t.colon}${proforma.transfer.accountHolder}`,
      `${p.reference}${t.colon}${formatPaymentReference(proforma.transfer.reference)}`,
    ],
    mentions: vatCaseMentions({ ...proforma, kind: 'invoice' }),
  };
}

/** Renders a proforma as an A4 PDF, in its language. */
export function renderProformaPdf(proforma: ProformaPdfContent): Promise<Buffer> {
  return renderDocumentPdf(proformaPage(proforma));
}
