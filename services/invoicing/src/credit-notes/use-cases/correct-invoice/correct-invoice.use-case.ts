import { Injectable } from '@nestjs/common';
import { StaffActionTakenV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock, nameBasedUuid } from '@obolus/platform';
import { InvoicingError } from '../../../invoicing.errors';
import { CreditNoteIssuer } from '../../credit-note-issuer';
import { CreditNotesRepository } from '../../credit-notes.repository';
import { CreditNoteEntity } from '../../entities/credit-note.entity';
import { creditAll, creditLines } from '../../mappers/credited-amounts';
import { staffActionTaken } from '@obolus/operations';
import { CorrectInvoiceCommand } from './correct-invoice.command';

/**
 * A staff correction: a credit note for the whole invoice or some of its lines, never an edited invoice.
 * The invoice is locked, so corrections and refund credit notes of one invoice queue, and together they
 * never credit more than it. The request's Idempotency-Key names the credit note: a repeat answers it.
 * A new credit note publishes `staff.action-taken` (who corrected the invoice, and why) with it.
 */
@Injectable()
export class CorrectInvoiceUseCase {
  constructor(
    private readonly creditNotes: CreditNotesRepository,
    private readonly issuer: CreditNoteIssuer,
    private readonly clock: Clock,
  ) {}

  async execute(command: CorrectInvoiceCommand, uow: UnitOfWork): Promise<Omit<CreditNoteEntity, 'pdf'>> {
    const invoice = await this.creditNotes.lockInvoice(uow, command.accountId, command.invoiceId);
    if (!invoice) throw InvoicingError.invoiceNotFound();
    const id = nameBasedUuid(`obolus.invoicing.credit-note-correction:${command.accountId}`, command.idempotencyKey);
    const earlier = await this.creditNotes.find(uow, command.accountId, id);
    if (earlier) {
      if (earlier.invoiceId !== command.invoiceId || earlier.reasonText !== command.reason) {
        throw InvoicingError.idempotencyKeyReused(command.idempotencyKey);
      }
      return earlier;
    }
    const missing = (command.lines ?? []).find((index) => index >= invoice.lines.length);
    if (missing !== undefined) throw InvoicingError.invoiceLineNotFound(missing, invoice.lines.length);
    const credited = command.lines ? creditLines(invoice, command.lines) : creditAll(invoice);
    const at = this.clock.now();
    const { pdf: _pdf, ...issued } = await this.issuer.issue(uow, invoice, credited, {
      reason: 'correction',
      reasonText: command.reason,
      correctionKey: command.idempotencyKey,
      requestedBy: command.requestedBy,
      at,
    });
    await uow.emit(
      StaffActionTakenV1,
      staffActionTaken(command, 'credit-note.issued', command.accountId, at, {
        subject: { type: 'invoice', id: command.invoiceId },
        details: {
          creditNoteId: issued.id,
          creditNoteNumber: issued.number,
          grossMinor: issued.totals.grossMinor,
          currency: issued.currency,
          lines: command.lines ? command.lines.length : 'all',
        },
      }),
    );
    return issued;
  }
}
