import { checkCommand } from '@obolus/platform';
import { CollectPaymentCommand } from '../../../payments/use-cases/collect-payment/collect-payment.command';

export interface StartPaypalCheckoutInput {
  accountId: string;
  draftId: string;
  /** VAT included, in minor units. */
  amountMinor: number;
  currency: string;
  /** What the payer sees on PayPal's page. */
  description: string;
  /** When the payment was asked for: on a test clock, the business time. */
  requestedAt: string;
}

/** Open a PayPal order for the amount due on a draft, for the payer to approve (P2). */
export class StartPaypalCheckoutCommand {
  readonly accountId!: string;
  readonly draftId!: string;
  readonly amountMinor!: number;
  readonly currency!: string;
  readonly description!: string;
  readonly requestedAt!: string;

  private constructor(input: Readonly<StartPaypalCheckoutInput>) {
    Object.assign(this, input);
  }

  static create(input: StartPaypalCheckoutInput): StartPaypalCheckoutCommand {
    const { accountId, draftId, amountMinor, currency, description, requestedAt } = input;
    return new StartPaypalCheckoutCommand(
      checkCommand('start PayPal checkout', { accountId, draftId, amountMinor, currency, description, requestedAt })
        .uuid('accountId')
        .uuid('draftId')
        .integer('amountMinor', 1)
        .that('currency', typeof currency === 'string' && /^[A-Z]{3}$/.test(currency), 'must be an ISO 4217 code')
        .string('description', 4096)
        .instant('requestedAt')
        .valid(),
    );
  }

  static fromPaymentRequest(request: CollectPaymentCommand): StartPaypalCheckoutCommand {
    return StartPaypalCheckoutCommand.create({
      accountId: request.accountId,
      draftId: request.draftId,
      amountMinor: request.amountDueMinor,
      currency: request.currency,
      description: request.description,
      requestedAt: request.requestedAt,
    });
  }
}
