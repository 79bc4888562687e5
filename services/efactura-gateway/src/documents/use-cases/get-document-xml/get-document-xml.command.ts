import { checkCommand } from '@obolus/platform';

export interface GetDocumentXmlInput {
  accountId: string;
  invoiceId: string;
}

/** Download the e-Factura XML of one invoice of an account. */
export class GetDocumentXmlCommand implements GetDocumentXmlInput {
  readonly accountId!: string;
  readonly invoiceId!: string;

  private constructor(input: Readonly<GetDocumentXmlInput>) {
    Object.assign(this, input);
  }

  static create(input: GetDocumentXmlInput): GetDocumentXmlCommand {
    return new GetDocumentXmlCommand(checkCommand('get document xml', input).uuid('accountId').uuid('invoiceId').valid());
  }
}
