import { addDays } from '@obolus/calendar';
import { InvoiceIssuedV1Data, PaymentMethodKind } from '@obolus/contracts';
import { BillingDetailsEntity } from '../../billing-details/entities/billing-details.entity';
import { CustomerEntity } from '../../customers/entities/customer.entity';
import { DraftEntity } from '../entities/draft.entity';
import { InvoiceEntity } from '../entities/invoice.entity';

/** What an issued invoice says, before its PDF, recipients and issue time are known. */
export type InvoiceContent = Omit<InvoiceIssuedV1Data, 'pdf' | 'recipients' | 'issuedAt'>;

/** The payment that settles a draft. */
export interface SettlingPayment {
  paymentId: string;
  amountMinor: number;
  paymentMethod: PaymentMethodKind;
  providerPaymentId: string;
}

/** Where the invoice falls in its series, and on which day it was issued (in the seller's time zone). */
export interface InvoiceNumbering {
  series: string;
  sequenceNumber: number;
  number: string;
  issueDate: string;
}

/** What issuing added: the rendered PDF and its hash, who receives it, when. */
export interface IssueRecord {
  recipients: string[];
  pdf: Buffer;
  pdfSha256: string;
  issuedAt: Date;
}

/**
 * A paid draft becomes an invoice's content: the draft's parties, lines and VAT, the number, the payment.
 * The due date is the seller's payment term from the issue date (BT-9), which French law requires on an
 * invoice to a business even when, as here, the card payment has already settled it.
 */
export function draftToInvoice(
  draft: DraftEntity,
  payment: SettlingPayment,
  invoiceId: string,
  numbering: InvoiceNumbering,
  paymentTermDays: number,
): InvoiceContent {
  return {
    accountId: draft.accountId,
    invoiceId,
    number: numbering.number,
    series: numbering.series,
    catalog: draft.catalog,
    issueDate: numbering.issueDate,
    taxPointDate: draft.taxPointDate,
    dueDate: addDays(numbering.issueDate, paymentTermDays),
    currency: draft.currency,
    locale: draft.locale,
    seller: draft.seller,
    buyer: draft.buyer,
    lines: draft.lines,
    vatBreakdown: draft.vatBreakdown,
    totals: { ...draft.totals, paidMinor: payment.amountMinor, payableMinor: draft.totals.grossMinor - payment.amountMinor },
    ...(draft.legalMention ? { legalMention: draft.legalMention } : {}),
    payment: { paymentId: payment.paymentId, method: payment.paymentMethod, providerPaymentId: payment.providerPaymentId },
  };
}

/** The owner and the extra billing addresses (I1), each once. */
export function invoiceRecipients(customer: CustomerEntity | null, details: BillingDetailsEntity | null): string[] {
  return [...new Set([customer?.ownerEmail, ...(details?.extraRecipients ?? [])].filter((e): e is string => !!e))];
}

/** The append-only row of an issued invoice. */
export function invoiceRow(
  draftId: string,
  numbering: InvoiceNumbering,
  content: InvoiceContent,
  issue: IssueRecord,
): InvoiceEntity {
  const { invoiceId, legalMention, ...fields } = content;
  return {
    ...fields,
    id: invoiceId,
    draftId,
    sequenceNumber: numbering.sequenceNumber,
    legalMention: legalMention ?? null,
    recipients: issue.recipients,
    pdf: issue.pdf,
    pdfSha256: issue.pdfSha256,
    issuedAt: issue.issuedAt,
  };
}

/**
 * What `invoice.issued` announces: the content, who to send it to (the seller's own address when the
 * account has none), and a reference to the PDF, never its bytes (served at /internal/invoices/:id/pdf).
 */
export function invoiceIssuedData(content: InvoiceContent, issue: IssueRecord, sellerEmail: string): InvoiceIssuedV1Data {
  return {
    ...content,
    recipients: issue.recipients.length ? issue.recipients : [sellerEmail],
    pdf: { filename: `${content.number}.pdf`, sha256: issue.pdfSha256, sizeBytes: issue.pdf.length },
    issuedAt: issue.issuedAt.toISOString(),
  };
}
