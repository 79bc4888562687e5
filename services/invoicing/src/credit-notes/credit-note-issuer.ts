import { Injectable } from '@nestjs/common';
import { calendarDateInZone } from '@obolus/calendar';
import { CreditNoteIssuedV1, CreditNoteIssuedV1Data } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { nameBasedUuid } from '@obolus/platform';
import { BillingDetailsRepository } from '../billing-details/billing-details.repository';
import { CustomersRepository } from '../customers/customers.repository';
import { InvoicingError } from '../invoicing.errors';
import { InvoiceEntity } from '../invoices/entities/invoice.entity';
import { InvoicesRepository } from '../invoices/invoices.repository';
import { invoiceRecipients } from '../invoices/mappers/draft-to-invoice';
import { InvoicePdfRenderer } from '../invoices/pdf/invoice-pdf-renderer';
import { SellerRegistry } from '../sellers/seller-registry';
import { CreditNotesRepository } from './credit-notes.repository';
import { CreditNoteEntity } from './entities/credit-note.entity';
import { CreditedAmounts } from './mappers/credited-amounts';

/** Why a credit note is issued, and by whom. */
export interface CreditCause {
  reason: CreditNoteIssuedV1Data['reason'];
  reasonText: string;
  /** The refund it follows (reason refund): its id names the credit note, so a redelivered refund finds it. */
  refundId?: string;
  /** A correction's key: the same key gives the same credit note. */
  correctionKey?: string;
  requestedBy?: string;
  /** When it happened (a refund's time); the account's business time of it is the issue time. */
  at: Date;
}

/**
 * Issues a credit note against a locked invoice: never more than is left uncredited on it, the next
 * number of the seller's credit-note series (gapless, like invoices: the number is taken under the series
 * row's lock in this unit of work), its PDF rendered and stored, and credit-note.issued published with
 * a reference to the PDF, in the same unit of work.
 */
@Injectable()
export class CreditNoteIssuer {
  constructor(
    private readonly sellers: SellerRegistry,
    private readonly invoices: InvoicesRepository,
    private readonly creditNotes: CreditNotesRepository,
    private readonly billingDetails: BillingDetailsRepository,
    private readonly customers: CustomersRepository,
    private readonly renderer: InvoicePdfRenderer,
    private readonly clocks: AccountClocks,
  ) {}

  async issue(uow: UnitOfWork, invoice: InvoiceEntity, credited: CreditedAmounts, cause: CreditCause): Promise<CreditNoteEntity> {
    const creditedBefore = await this.creditNotes.creditedOn(uow, invoice.accountId, invoice.id);
    const left = invoice.totals.grossMinor - creditedBefore;
    if (credited.totals.grossMinor > left) {
      throw InvoicingError.creditExceedsInvoice(invoice.number, credited.totals.grossMinor, left, invoice.currency);
    }
    const seller = await this.sellerOf(uow, invoice);
    const issuedAt = await this.clocks.timeOfEffect(uow, invoice.accountId, cause.at);
    const issueDate = calendarDateInZone(issuedAt.toISOString(), seller.timeZone);
    const series = `${seller.seriesPrefix}-CN-${issueDate.slice(0, 4)}`;
    const sequenceNumber = await this.invoices.takeNextNumber(uow, series);
    const id = cause.refundId
      ? nameBasedUuid('obolus.invoicing.credit-note-for-refund', cause.refundId)
      : nameBasedUuid(`obolus.invoicing.credit-note-correction:${invoice.accountId}`, cause.correctionKey ?? '');
    const content: Omit<CreditNoteIssuedV1Data, 'recipients' | 'pdf' | 'issuedAt'> = {
      accountId: invoice.accountId,
      creditNoteId: id,
      number: `${series}-${String(sequenceNumber).padStart(6, '0')}`,
      series,
      catalog: invoice.catalog,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      invoiceIssueDate: invoice.issueDate,
      reason: cause.reason,
      reasonText: cause.reasonText,
      ...(cause.refundId ? { refundId: cause.refundId } : {}),
      issueDate,
      currency: invoice.currency,
      locale: invoice.locale,
      seller: invoice.seller,
      buyer: invoice.buyer,
      lines: credited.lines,
      vatBreakdown: credited.vatBreakdown,
      totals: credited.totals,
      ...(invoice.legalMention ? { legalMention: invoice.legalMention } : {}),
    };
    const rendered = await this.renderer.renderCreditNote(content);
    const recipients = await this.recipientsOf(uow, invoice);
    const row: CreditNoteEntity = {
      id,
      accountId: invoice.accountId,
      invoiceId: invoice.id,
      reason: cause.reason,
      reasonText: cause.reasonText,
      refundId: cause.refundId ?? null,
      requestedBy: cause.requestedBy ?? null,
      series,
      sequenceNumber,
      number: content.number,
      catalog: invoice.catalog,
      issueDate,
      currency: invoice.currency,
      locale: invoice.locale,
      seller: invoice.seller,
      buyer: invoice.buyer,
      lines: credited.lines,
      vatBreakdown: credited.vatBreakdown,
      totals: credited.totals,
      legalMention: invoice.legalMention,
      recipients,
      pdf: rendered.pdf,
      pdfSha256: rendered.sha256,
      issuedAt,
    };
    await this.creditNotes.insert(uow, row);
    await uow.emit(CreditNoteIssuedV1, {
      accountId: invoice.accountId,
      subject: id,
      data: {
        ...content,
        recipients,
        pdf: { filename: `${content.number}.pdf`, sha256: rendered.sha256, sizeBytes: rendered.pdf.length },
        issuedAt: issuedAt.toISOString(),
      },
    });
    return row;
  }

  /** The entity that issued the invoice, as its draft recorded it from the subscription event. */
  private async sellerOf(uow: UnitOfWork, invoice: InvoiceEntity) {
    const draft = await this.invoices.lockDraft(uow, invoice.accountId, invoice.draftId);
    if (!draft) throw InvoicingError.invoiceNotFound();
    return this.sellers.get(draft.sellerEntity);
  }

  /** Today's billing addresses; the invoice's own when the account has none left. */
  private async recipientsOf(uow: UnitOfWork, invoice: InvoiceEntity): Promise<string[]> {
    const [details, customer] = await Promise.all([
      this.billingDetails.findByAccount(uow, invoice.accountId),
      this.customers.findByAccount(uow, invoice.accountId),
    ]);
    const current = invoiceRecipients(customer, details);
    return current.length ? current : invoice.recipients;
  }
}
