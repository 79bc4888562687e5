import { CreditNoteIssuedV1Data, InvoiceIssuedV1Data, isUuid } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';
import { IssuedDocument, issuedCreditNote, issuedInvoice } from '../../mappers/issued-document';

/** The issued invoice as `invoice.issued` carried it, or the credit note as `credit-note.issued` did: the document is built from it alone. */
export type PrepareDocumentInput = { invoice: InvoiceIssuedV1Data } | { creditNote: CreditNoteIssuedV1Data };

const isDate = (value: unknown): boolean => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Make, check and keep the CIUS-RO document of an issued invoice or credit note. */
export class PrepareDocumentCommand {
  private constructor(readonly issued: IssuedDocument) {}

  static create(input: PrepareDocumentInput): PrepareDocumentCommand {
    if ('creditNote' in input) {
      const creditNote = (input.creditNote ?? {}) as Partial<CreditNoteIssuedV1Data>;
      checkCommand('prepare document', input)
        .that('creditNote.accountId', isUuid(creditNote.accountId), 'must be a UUID')
        .that('creditNote.creditNoteId', isUuid(creditNote.creditNoteId), 'must be a UUID')
        .that(
          'creditNote.number',
          typeof creditNote.number === 'string' && creditNote.number.length > 0,
          'must be a credit note number',
        )
        .that('creditNote.issueDate', isDate(creditNote.issueDate), 'must be a date, YYYY-MM-DD')
        .that(
          'creditNote.invoiceNumber',
          typeof creditNote.invoiceNumber === 'string' && creditNote.invoiceNumber.length > 0,
          'must be the number of the invoice it corrects (BT-25)',
        )
        .that('creditNote.invoiceIssueDate', isDate(creditNote.invoiceIssueDate), 'must be a date, YYYY-MM-DD (BT-26)')
        .that('creditNote.seller', typeof creditNote.seller?.address?.country === 'string', 'must have an address with a country')
        .valid();
      return new PrepareDocumentCommand(issuedCreditNote(input.creditNote));
    }
    const invoice = (input.invoice ?? {}) as Partial<InvoiceIssuedV1Data>;
    checkCommand('prepare document', input)
      .that('invoice.accountId', isUuid(invoice.accountId), 'must be a UUID')
      .that('invoice.invoiceId', isUuid(invoice.invoiceId), 'must be a UUID')
      .that('invoice.number', typeof invoice.number === 'string' && invoice.number.length > 0, 'must be an invoice number')
      .that('invoice.issueDate', isDate(invoice.issueDate), 'must be a date, YYYY-MM-DD')
      .that('invoice.seller', typeof invoice.seller?.address?.country === 'string', 'must have an address with a country')
      .valid();
    return new PrepareDocumentCommand(issuedInvoice(input.invoice));
  }
}
