import { checkCommand } from '@obolus/platform';
import { DocumentKind } from '../../entities/document.entity';

export interface GetDocumentXmlInput {
  accountId: string;
  /** The invoice's id, or the credit note's. */
  invoiceId: string;
  /** Which the id names; an invoice unless said. */
  kind?: DocumentKind;
}

/** Download the e-Factura XML of one invoice or credit note of an account. */
export class GetDocumentXmlCommand {
  readonly accountId!: string;
  readonly invoiceId!: string;
  readonly kind!: DocumentKind;

  private constructor(input: Readonly<Required<GetDocumentXmlInput>>) {
    Object.assign(this, input);
  }

  static create(input: GetDocumentXmlInput): GetDocumentXmlCommand {
    const checked = checkCommand('get document xml', input)
      .uuid('accountId')
      .uuid('invoiceId')
      .that(
        'kind',
        input.kind === undefined || input.kind === 'invoice' || input.kind === 'credit-note',
        "must be 'invoice' or 'credit-note'",
      )
      .valid();
    return new GetDocumentXmlCommand({ ...checked, kind: checked.kind ?? 'invoice' });
  }
}
