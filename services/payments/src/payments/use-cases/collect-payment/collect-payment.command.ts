import { isValidPaymentReference } from '@obolus/bank-statements';
import { InvoicePaymentRequestedV1Data, PAYMENT_METHOD_KINDS, PaymentMethodKind } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export type CollectPaymentInput = Pick<
  InvoicePaymentRequestedV1Data,
  'accountId' | 'draftId' | 'currency' | 'amountDueMinor' | 'paymentMethod' | 'description' | 'requestedAt' | 'transferReference'
>;

/** Collect the amount due on an invoice draft with the account's payment method. */
export class CollectPaymentCommand {
  readonly accountId!: string;
  readonly draftId!: string;
  /** ISO 4217, upper case. */
  readonly currency!: string;
  /** VAT included, in minor units. */
  readonly amountDueMinor!: number;
  readonly paymentMethod!: PaymentMethodKind;
  /** What the customer's statement shows. */
  readonly description!: string;
  /** When the payment was asked for: on a test clock, the business time of the charge. */
  readonly requestedAt!: string;
  /** For a bank transfer: the ISO 11649 reference printed on the proforma. */
  readonly transferReference?: string;

  private constructor(input: Readonly<CollectPaymentInput>) {
    Object.assign(this, input);
  }

  static create(input: CollectPaymentInput): CollectPaymentCommand {
    const { accountId, draftId, currency, amountDueMinor, paymentMethod, description, requestedAt, transferReference } = input;
    return new CollectPaymentCommand(
      checkCommand('collect payment', {
        accountId,
        draftId,
        currency,
        amountDueMinor,
        paymentMethod,
        description,
        requestedAt,
        ...(transferReference === undefined ? {} : { transferReference }),
      })
        .uuid('accountId')
        .uuid('draftId')
        .that('currency', typeof currency === 'string' && /^[A-Z]{3}$/.test(currency), 'must be an ISO 4217 code')
        .integer('amountDueMinor', Number.MIN_SAFE_INTEGER)
        .oneOf('paymentMethod', PAYMENT_METHOD_KINDS)
        .that('description', typeof description === 'string' && description.length > 0, 'must be a non-empty string')
        .instant('requestedAt')
        .that(
          'transferReference',
          transferReference === undefined ||
            (typeof transferReference === 'string' && isValidPaymentReference(transferReference)),
          'must be an ISO 11649 reference',
        )
        .valid(),
    );
  }
}
