import { CATALOG_CODES, PAYMENT_METHOD_KINDS, SubscriptionActivatedV1Data } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';
import { isCurrencyCode } from '../../../iso-codes';

export type RequestPaymentInput = Pick<
  SubscriptionActivatedV1Data,
  'accountId' | 'subscriptionId' | 'catalog' | 'sellerEntity' | 'currency' | 'paymentMethod' | 'lines' | 'activatedAt'
> & {
  /** The id of the event that made the period due: a redelivery of it makes no second draft. */
  eventId: string;
};

/** Bill a subscription's due period: price it into a draft and ask for its payment. */
export class RequestPaymentCommand implements RequestPaymentInput {
  readonly accountId!: string;
  readonly subscriptionId!: string;
  readonly catalog!: RequestPaymentInput['catalog'];
  /** Who invoices: the catalog's seller entity, as the subscription event names it. */
  readonly sellerEntity!: string;
  readonly currency!: string;
  readonly paymentMethod!: RequestPaymentInput['paymentMethod'];
  readonly lines!: RequestPaymentInput['lines'];
  /** When the customer bought: the tax point, in the seller's time zone. */
  readonly activatedAt!: string;
  readonly eventId!: string;

  private constructor(input: Readonly<RequestPaymentInput>) {
    Object.assign(this, input);
  }

  static create(input: RequestPaymentInput): RequestPaymentCommand {
    return new RequestPaymentCommand(
      checkCommand('request payment', input)
        .uuid('accountId')
        .uuid('subscriptionId')
        .oneOf('catalog', CATALOG_CODES)
        .that(
          'sellerEntity',
          typeof input.sellerEntity === 'string' && /^[a-z0-9-]{1,64}$/.test(input.sellerEntity),
          'must be a seller entity code',
        )
        .that('currency', isCurrencyCode(input.currency), 'must be an ISO 4217 code')
        .oneOf('paymentMethod', PAYMENT_METHOD_KINDS)
        .that('lines', Array.isArray(input.lines) && input.lines.length > 0, 'must name at least one line')
        .instant('activatedAt')
        .string('eventId', 200)
        .valid(),
    );
  }
}
