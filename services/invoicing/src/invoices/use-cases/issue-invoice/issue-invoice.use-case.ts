import { Injectable, Logger } from '@nestjs/common';
import { calendarDateInZone } from '@obolus/calendar';
import { CloudEvent, InvoiceIssuedV1, InvoiceIssuedV1Data, PaymentSucceededV1Data } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { createHash, randomUUID } from 'node:crypto';
import { BillingDetailsEntity } from '../../../billing-details/billing-details.entity';
import { CustomerEntity } from '../../../customers/customer.entity';
import { SellerRegistry } from '../../../sellers/seller-registry';
import { InvoicesRepository } from '../../invoices.repository';
import { renderInvoicePdf } from '../../pdf/invoice-pdf';

/**
 * The payment arrived: the draft becomes a fiscal invoice with the next number of its series, its PDF
 * is rendered and stored, and it is announced with everything consumers need (the e-mail, the e-Factura
 * XML) and a reference to the PDF, never the PDF itself.
 */
@Injectable()
export class IssueInvoiceUseCase {
  private readonly logger = new Logger(IssueInvoiceUseCase.name);

  constructor(
    private readonly sellers: SellerRegistry,
    private readonly invoices: InvoicesRepository,
  ) {}

  async execute(event: CloudEvent<PaymentSucceededV1Data>, { manager, emit }: EventHandlerContext): Promise<void> {
    const payment = event.data;
    const draft = await this.invoices.lockDraft(manager, payment.accountId, payment.draftId);
    if (!draft) {
      this.logger.warn(`payment ${payment.paymentId} names unknown draft ${payment.draftId}`);
      return;
    }
    if (draft.status === 'invoiced') return;
    if (payment.amountMinor !== draft.totals.grossMinor || payment.currency !== draft.currency) {
      // A partial or mismatched payment never silently becomes an invoice for another amount.
      throw new Error(
        `payment ${payment.paymentId} of ${payment.amountMinor} ${payment.currency} does not settle draft ${draft.id} (${draft.totals.grossMinor} ${draft.currency})`,
      );
    }
    const seller = this.sellers.get(draft.sellerEntity);
    const issueDate = calendarDateInZone(payment.succeededAt, seller.timeZone);
    const series = `${seller.seriesPrefix}-${issueDate.slice(0, 4)}`;
    const sequenceNumber = await this.invoices.takeNextNumber(manager, series);
    const number = `${series}-${String(sequenceNumber).padStart(6, '0')}`;
    const [details, customer] = await Promise.all([
      manager.findOne(BillingDetailsEntity, { where: { accountId: draft.accountId } }),
      manager.findOne(CustomerEntity, { where: { accountId: draft.accountId } }),
    ]);
    const recipients = [...new Set([customer?.ownerEmail, ...(details?.extraRecipients ?? [])].filter((e): e is string => !!e))];
    const content: Omit<InvoiceIssuedV1Data, 'pdf' | 'recipients' | 'issuedAt'> = {
      accountId: draft.accountId,
      invoiceId: randomUUID(),
      number,
      series,
      catalog: draft.catalog,
      issueDate,
      taxPointDate: draft.taxPointDate,
      dueDate: issueDate,
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
    const pdf = await renderInvoicePdf(content);
    const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
    const issuedAt = new Date();
    await this.invoices.insertInvoice(manager, {
      id: content.invoiceId,
      accountId: content.accountId,
      draftId: draft.id,
      series,
      sequenceNumber,
      number,
      catalog: content.catalog,
      issueDate,
      taxPointDate: content.taxPointDate,
      dueDate: content.dueDate,
      currency: content.currency,
      locale: content.locale,
      seller: content.seller,
      buyer: content.buyer,
      lines: content.lines,
      vatBreakdown: content.vatBreakdown,
      totals: content.totals,
      legalMention: content.legalMention ?? null,
      payment: content.payment,
      recipients,
      pdf,
      pdfSha256,
      issuedAt,
    });
    await this.invoices.markDraftInvoiced(manager, draft.id, content.invoiceId);
    await emit(InvoiceIssuedV1, {
      accountId: content.accountId,
      subject: content.invoiceId,
      data: {
        ...content,
        recipients: recipients.length ? recipients : [seller.email],
        // A reference only: the bytes stay here, served at /internal/invoices/:id/pdf.
        pdf: { filename: `${number}.pdf`, sha256: pdfSha256, sizeBytes: pdf.length },
        issuedAt: issuedAt.toISOString(),
      },
    });
  }
}
