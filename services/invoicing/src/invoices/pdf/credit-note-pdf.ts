import { CreditNoteIssuedV1Data } from '@obolus/contracts';
import { seriesHeading } from './invoice-pdf';
import { DOCUMENT_LABELS, vatCategoryInWords } from './labels';
import { legalMentions } from './legal-mentions';
import { formatDate } from './locale-format';
import { DocumentPage, renderDocumentPdf } from './pdf-layout';

export type CreditNotePdfContent = Omit<CreditNoteIssuedV1Data, 'pdf' | 'recipients' | 'issuedAt'>;

/**
 * What a credit note shows: its own number, the invoice it corrects with that invoice's date (BT-25,
 * BT-26; Codul fiscal art. 319 alin. (20) asks for the reference), why, and the amounts credited, which
 * the contract carries as positive figures and the title says are credited.
 */
export function creditNotePage(creditNote: CreditNotePdfContent): DocumentPage {
  const { locale } = creditNote;
  const t = DOCUMENT_LABELS[locale];
  const date = (isoDate: string) => formatDate(isoDate, locale);
  const romanian = creditNote.seller.address.country === 'RO';
  return {
    locale,
    currency: creditNote.currency,
    title: `${t.creditNote} ${creditNote.number}`,
    number: creditNote.number,
    headings: [
      ...(romanian ? [seriesHeading(creditNote)] : []),
      `${t.issueDate}${t.colon}${date(creditNote.issueDate)}`,
      t.originalInvoice.replace('{number}', creditNote.invoiceNumber).replace('{date}', date(creditNote.invoiceIssueDate)),
      `${t.reason}${t.colon}${t.reasons[creditNote.reason]} — ${creditNote.reasonText}`,
    ],
    seller: creditNote.seller,
    buyer: creditNote.buyer,
    lines: creditNote.lines,
    vatBreakdown: creditNote.vatBreakdown.map((entry) => ({
      ...entry,
      category: vatCategoryInWords(
        entry.vatCategory,
        creditNote.seller.address.country,
        creditNote.buyer.address.country,
        locale,
      ),
    })),
    totals: [
      { label: t.totalNet, minor: creditNote.totals.netMinor },
      { label: t.totalVat, minor: creditNote.totals.vatMinor },
      { label: t.totalCredited, minor: creditNote.totals.grossMinor, bold: true },
    ],
    notes: [],
    mentions: legalMentions({ ...creditNote, kind: 'credit-note' }),
  };
}

/** Renders an issued credit note as an A4 PDF, in its language. */
export function renderCreditNotePdf(creditNote: CreditNotePdfContent): Promise<Buffer> {
  return renderDocumentPdf(creditNotePage(creditNote));
}
