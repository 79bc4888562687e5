import { Injectable } from '@nestjs/common';
import { addDays, calendarDateInZone } from '@obolus/calendar';
import { newPaymentReference } from '@obolus/bank-statements';
import { ProformaIssuedV1, ProformaIssuedV1Data } from '@obolus/contracts';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { nameBasedUuid } from '@obolus/platform';
import { BillingDetailsRepository } from '../billing-details/billing-details.repository';
import { CustomersRepository } from '../customers/customers.repository';
import { DraftEntity } from '../invoices/entities/draft.entity';
import { InvoicesRepository } from '../invoices/invoices.repository';
import { invoiceRecipients } from '../invoices/mappers/draft-to-invoice';
import { InvoicePdfRenderer } from '../invoices/pdf/invoice-pdf-renderer';
import { SellerRegistry } from '../sellers/seller-registry';
import { ProformaEntity } from './entities/proforma.entity';
import { PROFORMA_REMINDER_JOB, ProformaReminderPayload, REMINDER_DAYS, reminderDueAt, reminderKey } from './proforma-reminders';
import { ProformasRepository } from './proformas.repository';

/**
 * A draft to be paid by bank transfer gets its proforma (I4, P3): the next number of the seller's
 * proforma series (gapless, taken under the series row's lock like invoice numbers), an ISO 11649
 * reference made from that number, the seller's IBAN and BIC, due after the seller's payment term.
 * It is stored with its PDF and announced (proforma.issued) in the draft's unit of work, with its
 * reminders planned (P4).
 */
@Injectable()
export class ProformaIssuer {
  constructor(
    private readonly sellers: SellerRegistry,
    private readonly invoices: InvoicesRepository,
    private readonly proformas: ProformasRepository,
    private readonly billingDetails: BillingDetailsRepository,
    private readonly customers: CustomersRepository,
    private readonly renderer: InvoicePdfRenderer,
    private readonly jobs: JobScheduler,
  ) {}

  async issue(uow: UnitOfWork, draft: DraftEntity): Promise<ProformaEntity> {
    const seller = this.sellers.get(draft.sellerEntity);
    const issueDate = calendarDateInZone(draft.createdAt.toISOString(), seller.timeZone);
    const series = `${seller.seriesPrefix}-PF-${issueDate.slice(0, 4)}`;
    const sequenceNumber = await this.invoices.takeNextNumber(uow, series);
    const number = `${series}-${String(sequenceNumber).padStart(6, '0')}`;
    const grossMinor = draft.totals.grossMinor;
    const content: Omit<ProformaIssuedV1Data, 'recipients' | 'pdf' | 'issuedAt'> = {
      accountId: draft.accountId,
      proformaId: nameBasedUuid('obolus.invoicing.proforma-for-draft', draft.id),
      draftId: draft.id,
      number,
      series,
      catalog: draft.catalog,
      issueDate,
      dueDate: addDays(issueDate, seller.paymentTermDays),
      currency: draft.currency,
      locale: draft.locale,
      seller: draft.seller,
      buyer: draft.buyer,
      lines: draft.lines,
      vatBreakdown: draft.vatBreakdown,
      totals: { ...draft.totals, paidMinor: 0, payableMinor: grossMinor },
      ...(draft.legalMention ? { legalMention: draft.legalMention } : {}),
      transfer: {
        // "OBFR-PF-2026-000042" → RFxxOBFRPF2026000042: the same number always gives the same reference.
        reference: newPaymentReference(number),
        iban: seller.bankAccount.iban,
        bic: seller.bankAccount.bic,
        accountHolder: seller.bankAccount.accountHolder,
        amountMinor: grossMinor,
      },
    };
    const rendered = await this.renderer.renderProforma(content);
    const recipients = await this.recipientsOf(uow, draft.accountId);
    const row: ProformaEntity = {
      id: content.proformaId,
      accountId: draft.accountId,
      draftId: draft.id,
      series,
      sequenceNumber,
      number,
      reference: content.transfer.reference,
      catalog: draft.catalog,
      issueDate,
      dueDate: content.dueDate,
      currency: draft.currency,
      locale: draft.locale,
      seller: draft.seller,
      buyer: draft.buyer,
      lines: draft.lines,
      vatBreakdown: draft.vatBreakdown,
      totals: content.totals,
      legalMention: draft.legalMention,
      transfer: content.transfer,
      recipients,
      pdf: rendered.pdf,
      pdfSha256: rendered.sha256,
      status: 'open',
      invoiceId: null,
      issuedAt: draft.createdAt,
      paidAt: null,
    };
    await this.proformas.insert(uow, row);
    // P4: reminders 7, 14 and 30 days after the due date, on the account's clock; a paid proforma skips them.
    for (const [index, days] of REMINDER_DAYS.entries()) {
      await this.jobs.schedule<ProformaReminderPayload>(uow, {
        kind: PROFORMA_REMINDER_JOB,
        key: reminderKey(row.id, index + 1),
        accountId: row.accountId,
        dueAt: reminderDueAt(row.dueDate, days, seller.timeZone),
        payload: { proformaId: row.id, reminder: index + 1 },
      });
    }
    if (recipients.length) {
      await uow.emit(ProformaIssuedV1, {
        accountId: draft.accountId,
        subject: row.id,
        data: {
          ...content,
          recipients,
          pdf: { filename: `${number}.pdf`, sha256: rendered.sha256, sizeBytes: rendered.pdf.length },
          issuedAt: draft.createdAt.toISOString(),
        },
      });
    }
    return row;
  }

  private async recipientsOf(uow: UnitOfWork, accountId: string): Promise<string[]> {
    const [details, customer] = await Promise.all([
      this.billingDetails.findByAccount(uow, accountId),
      this.customers.findByAccount(uow, accountId),
    ]);
    return invoiceRecipients(customer, details);
  }
}
