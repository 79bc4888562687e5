import { Injectable } from '@nestjs/common';
import { Locale } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { InvoicingError } from '../../../invoicing.errors';
import { CreditNoteIssuer } from '../../credit-note-issuer';
import { CreditNotesRepository } from '../../credit-notes.repository';
import { creditAmount } from '../../mappers/credited-amounts';
import { IssueRefundCreditNoteCommand } from './issue-refund-credit-note.command';

const REFUND_LINE: Record<Locale, (invoiceNumber: string) => string> = {
  fr: (n) => `Remboursement sur la facture ${n}`,
  ro: (n) => `Rambursare aferentă facturii ${n}`,
  en: (n) => `Refund on invoice ${n}`,
};

/**
 * A refund becomes a credit note for exactly the amount refunded, against the invoice the payment
 * settled (I3). The money has already gone back, so nothing is left payable on it. A redelivered
 * payment.refunded finds the credit note of its refund and issues nothing more.
 */
@Injectable()
export class IssueRefundCreditNoteUseCase {
  constructor(
    private readonly creditNotes: CreditNotesRepository,
    private readonly issuer: CreditNoteIssuer,
  ) {}

  async execute(command: IssueRefundCreditNoteCommand, uow: UnitOfWork): Promise<void> {
    const invoice = await this.creditNotes.lockInvoiceOfDraft(uow, command.accountId, command.draftId);
    if (!invoice) throw InvoicingError.invoiceNotYetIssued(command.draftId);
    if (await this.creditNotes.findByRefund(uow, command.accountId, command.refundId)) return;
    if (invoice.currency !== command.currency) {
      throw InvoicingError.creditExceedsInvoice(invoice.number, command.amountMinor, 0, invoice.currency);
    }
    const credited = creditAmount(invoice, command.amountMinor, REFUND_LINE[invoice.locale](invoice.number));
    await this.issuer.issue(
      uow,
      invoice,
      { ...credited, totals: { ...credited.totals, paidMinor: credited.totals.grossMinor, payableMinor: 0 } },
      { reason: 'refund', reasonText: command.reason, refundId: command.refundId, at: new Date(command.refundedAt) },
    );
  }
}
