import { checkCommand } from '@obolus/platform';

export interface GetInvoicePdfInput {
  invoiceId: string;
  /** The customer's account; absent only for another Obolus service on the internal route. */
  accountId?: string;
}

/** Fetch the stored PDF of an issued invoice. */
export class GetInvoicePdfCommand implements GetInvoicePdfInput {
  readonly invoiceId!: string;
  readonly accountId?: string;

  private constructor(input: Readonly<GetInvoicePdfInput>) {
    Object.assign(this, input);
  }

  static create(input: GetInvoicePdfInput): GetInvoicePdfCommand {
    return new GetInvoicePdfCommand(checkCommand('get invoice pdf', input).uuid('invoiceId').optionalUuid('accountId').valid());
  }
}
