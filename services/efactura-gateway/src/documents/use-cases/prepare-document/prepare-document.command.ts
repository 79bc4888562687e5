import { InvoiceIssuedV1Data, isUuid } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface PrepareDocumentInput {
  /** The issued invoice as `invoice.issued` carried it: the document is built from it alone. */
  invoice: InvoiceIssuedV1Data;
}

/** Make, check and keep the CIUS-RO document of an issued invoice. */
export class PrepareDocumentCommand implements PrepareDocumentInput {
  readonly invoice!: InvoiceIssuedV1Data;

  private constructor(input: Readonly<PrepareDocumentInput>) {
    Object.assign(this, input);
  }

  static create(input: PrepareDocumentInput): PrepareDocumentCommand {
    const invoice = (input.invoice ?? {}) as Partial<InvoiceIssuedV1Data>;
    return new PrepareDocumentCommand(
      checkCommand('prepare document', input)
        .that('invoice.accountId', isUuid(invoice.accountId), 'must be a UUID')
        .that('invoice.invoiceId', isUuid(invoice.invoiceId), 'must be a UUID')
        .that('invoice.number', typeof invoice.number === 'string' && invoice.number.length > 0, 'must be an invoice number')
        .that(
          'invoice.issueDate',
          typeof invoice.issueDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(invoice.issueDate),
          'must be a date, YYYY-MM-DD',
        )
        .that('invoice.seller', typeof invoice.seller?.address?.country === 'string', 'must have an address with a country')
        .valid(),
    );
  }
}
