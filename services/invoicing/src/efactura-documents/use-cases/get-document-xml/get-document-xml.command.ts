import { checkCommand } from '@obolus/platform';
import { EfacturaDocumentKind } from '../../efactura-documents';

export interface GetDocumentXmlInput {
  accountId: string;
  kind: EfacturaDocumentKind;
  documentId: string;
  /** The caller's Authorization header, forwarded to efactura-gateway. */
  authorization: string;
}

/** The CIUS-RO XML of one of the account's Romanian invoices or credit notes (I2). */
export class GetDocumentXmlCommand {
  readonly accountId!: string;
  readonly kind!: EfacturaDocumentKind;
  readonly documentId!: string;
  readonly authorization!: string;

  private constructor(input: Readonly<GetDocumentXmlInput>) {
    Object.assign(this, input);
  }

  static create(input: GetDocumentXmlInput): GetDocumentXmlCommand {
    return new GetDocumentXmlCommand(
      checkCommand('get document xml', input)
        .uuid('accountId')
        .oneOf('kind', ['invoice', 'credit-note'])
        .uuid('documentId')
        .string('authorization', 8192)
        .valid(),
    );
  }
}
