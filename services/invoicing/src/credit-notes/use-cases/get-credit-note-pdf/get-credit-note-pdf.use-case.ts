import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { InvoicingError } from '../../../invoicing.errors';
import { InvoicePdf } from '../../../invoices/use-cases/get-invoice-pdf/get-invoice-pdf.use-case';
import { CreditNotesRepository } from '../../credit-notes.repository';
import { GetCreditNotePdfCommand } from './get-credit-note-pdf.command';

/** The stored PDF of a credit note: for the customer within its account, and for notifications' e-mail. */
@Injectable()
export class GetCreditNotePdfUseCase {
  constructor(private readonly creditNotes: CreditNotesRepository) {}

  async execute(command: GetCreditNotePdfCommand, uow: UnitOfWork): Promise<InvoicePdf> {
    const found = command.accountId
      ? await this.creditNotes.findPdf(uow, command.accountId, command.creditNoteId)
      : await this.creditNotes.findPdfById(uow, command.creditNoteId);
    if (!found) throw InvoicingError.creditNoteNotFound();
    return { filename: `${found.number}.pdf`, pdf: found.pdf };
  }
}
