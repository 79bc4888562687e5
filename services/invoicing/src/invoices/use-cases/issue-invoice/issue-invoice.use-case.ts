import { Injectable, Logger } from '@nestjs/common';
import { calendarDateInZone } from '@obolus/calendar';
import { InvoiceIssuedV1 } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { BillingDetailsRepository } from '../../../billing-details/billing-details.repository';
import { CustomersRepository } from '../../../customers/customers.repository';
import { InvoicingError } from '../../../invoicing.errors';
import { ProformasRepository } from '../../../proformas/proformas.repository';
import { SellerEntity, SellerRegistry } from '../../../sellers/seller-registry';
import { DraftEntity } from '../../entities/draft.entity';
import { InvoicesRepository } from '../../invoices.repository';
import {
  draftToInvoice,
  invoiceIssuedData,
  InvoiceNumbering,
  invoiceRecipients,
  invoiceRow,
  IssueRecord,
} from '../../mappers/draft-to-invoice';
import { InvoicePdfRenderer } from '../../pdf/invoice-pdf-renderer';
import { IssueInvoiceCommand } from './issue-invoice.command';

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
    private readonly billingDetails: BillingDetailsRepository,
    private readonly customers: CustomersRepository,
    private readonly renderer: InvoicePdfRenderer,
    private readonly clocks: AccountClocks,
    private readonly proformas: ProformasRepository,
  ) {}

  async execute(command: IssueInvoiceCommand, uow: UnitOfWork): Promise<void> {
    const draft = await this.settledDraft(command, uow);
    if (!draft) return;
    const seller = this.sellers.get(draft.sellerEntity);
    const numbering = await this.takeNumber(uow, seller, command.succeededAt);
    const content = draftToInvoice(draft, command, randomUUID(), numbering, seller.paymentTermDays);
    // A credit transfer names the account it was paid to (EN 16931 BR-61).
    if (command.paymentMethod === 'bank_transfer') content.payment.payeeAccount = { ...seller.bankAccount };
    const rendered = await this.renderer.render(content);
    const issue: IssueRecord = {
      recipients: await this.recipientsOf(uow, draft.accountId),
      pdf: rendered.pdf,
      pdfSha256: rendered.sha256,
      issuedAt: await this.clocks.timeOfEffect(uow, draft.accountId, new Date(command.succeededAt)),
    };
    await this.invoices.insertInvoice(uow, invoiceRow(draft.id, numbering, content, issue));
    await this.invoices.markDraftInvoiced(uow, draft.accountId, draft.id, content.invoiceId);
    // A proforma asked for this money: the invoice that follows pays it (I4).
    await this.proformas.markPaid(uow, draft.accountId, draft.id, content.invoiceId, issue.issuedAt);
    await uow.emit(InvoiceIssuedV1, {
      accountId: content.accountId,
      subject: content.invoiceId,
      data: invoiceIssuedData(content, issue, seller.email),
    });
  }

  /**
   * The draft the payment settles, locked so a redelivered payment waits and then finds it invoiced;
   * null when there is nothing to issue. A payment for another amount is refused, never issued.
   */
  private async settledDraft(command: IssueInvoiceCommand, uow: UnitOfWork): Promise<DraftEntity | null> {
    const draft = await this.invoices.lockDraft(uow, command.accountId, command.draftId);
    if (!draft) {
      this.logger.warn(`payment ${command.paymentId} names unknown draft ${command.draftId}`);
      return null;
    }
    if (draft.status === 'invoiced') return null;
    if (command.amountMinor !== draft.totals.grossMinor || command.currency !== draft.currency) {
      throw InvoicingError.paymentDoesNotSettleDraft(command, {
        id: draft.id,
        grossMinor: draft.totals.grossMinor,
        currency: draft.currency,
      });
    }
    return draft;
  }

  /**
   * The next number of the seller's series of the issue year. It is taken under the series row's lock in
   * this unit of work, so issuers queue and a rolled-back issue gives its number back: gapless (I3).
   */
  private async takeNumber(uow: UnitOfWork, seller: SellerEntity, succeededAt: string): Promise<InvoiceNumbering> {
    const issueDate = calendarDateInZone(succeededAt, seller.timeZone);
    const series = `${seller.seriesPrefix}-${issueDate.slice(0, 4)}`;
    const sequenceNumber = await this.invoices.takeNextNumber(uow, series);
    return { series, sequenceNumber, number: `${series}-${String(sequenceNumber).padStart(6, '0')}`, issueDate };
  }

  private async recipientsOf(uow: UnitOfWork, accountId: string): Promise<string[]> {
    const [details, customer] = await Promise.all([
      this.billingDetails.findByAccount(uow, accountId),
      this.customers.findByAccount(uow, accountId),
    ]);
    return invoiceRecipients(customer, details);
  }
}
