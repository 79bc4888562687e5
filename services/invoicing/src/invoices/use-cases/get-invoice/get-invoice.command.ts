import { checkCommand } from '@obolus/platform';

export interface GetInvoiceInput {
  accountId: string;
  invoiceId: string;
}

/** Read one invoice of an account. */
export class GetInvoiceCommand implements GetInvoiceInput {
  readonly accountId!: string;
  readonly invoiceId!: string;

  private constructor(input: Readonly<GetInvoiceInput>) {
    Object.assign(this, input);
  }

  static create(input: GetInvoiceInput): GetInvoiceCommand {
    return new GetInvoiceCommand(checkCommand('get invoice', input).uuid('accountId').uuid('invoiceId').valid());
  }
}
