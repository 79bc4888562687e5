import { PAYMENT_METHOD_KINDS, PaymentSucceededV1Data } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';
import { isCurrencyCode } from '../../../iso-codes';

export type IssueInvoiceInput = Pick<
  PaymentSucceededV1Data,
  'accountId' | 'paymentId' | 'draftId' | 'amountMinor' | 'currency' | 'providerPaymentId' | 'paymentMethod' | 'succeededAt'
>;

/** A payment settled a draft: make it the fiscal invoice. */
export class IssueInvoiceCommand implements IssueInvoiceInput {
  readonly accountId!: string;
  readonly paymentId!: string;
  readonly draftId!: string;
  readonly amountMinor!: number;
  readonly currency!: string;
  readonly providerPaymentId!: string;
  readonly paymentMethod!: IssueInvoiceInput['paymentMethod'];
  /** When the provider reported success: the issue date, in the seller's time zone. */
  readonly succeededAt!: string;

  private constructor(input: Readonly<IssueInvoiceInput>) {
    Object.assign(this, input);
  }

  static create(input: IssueInvoiceInput): IssueInvoiceCommand {
    return new IssueInvoiceCommand(
      checkCommand('issue invoice', input)
        .uuid('accountId')
        .uuid('paymentId')
        .uuid('draftId')
        .integer('amountMinor', 0)
        .that('currency', isCurrencyCode(input.currency), 'must be an ISO 4217 code')
        .string('providerPaymentId')
        .oneOf('paymentMethod', PAYMENT_METHOD_KINDS)
        .instant('succeededAt')
        .valid(),
    );
  }
}
