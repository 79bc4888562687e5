import { Type } from '@sinclair/typebox';
import { ChargeAmountMinor, CurrencyCode, Instant, PaymentMethodKind, Uuid } from '../common';
import { defineEvent, EventData } from '../event-contract';
import { Topics } from '../topics';

/** Who moved the money: Stripe (card, SEPA, ACH), a bank transfer matched on a statement, or PayPal. */
export const PaymentProvider = Type.Union([Type.Literal('stripe'), Type.Literal('bank'), Type.Literal('paypal')]);

export const PaymentSucceededV1 = defineEvent({
  type: 'obolus.payments.payment.succeeded.v1',
  topic: Topics.paymentsPayment,
  source: '/obolus/payments',
  summary:
    'A payment of a requested amount succeeded: at Stripe or PayPal (signed webhook verified), or a bank transfer matched on a statement or recorded by staff.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      paymentId: Uuid('The payment in Obolus'),
      draftId: Uuid('The invoice draft the payment settles'),
      amountMinor: ChargeAmountMinor('Amount paid'),
      currency: CurrencyCode,
      provider: PaymentProvider,
      providerPaymentId: Type.String({
        minLength: 1,
        description: 'The Stripe PaymentIntent id, the matched bank statement entry, or the PayPal capture id',
      }),
      paymentMethod: PaymentMethodKind,
      succeededAt: Instant('When the provider reported success'),
    },
    { additionalProperties: false },
  ),
});
export type PaymentSucceededV1Data = EventData<typeof PaymentSucceededV1>;

export const PaymentFailedV1 = defineEvent({
  type: 'obolus.payments.payment.failed.v1',
  topic: Topics.paymentsPayment,
  source: '/obolus/payments',
  summary:
    'A payment attempt failed; the customer is told each time, and it is retried on days 3, 5 and 7 after the first failure (P4). After the fourth, final is true.',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      paymentId: Uuid('The payment in Obolus'),
      draftId: Uuid('The invoice draft the payment was for'),
      amountMinor: ChargeAmountMinor('Amount asked'),
      currency: CurrencyCode,
      provider: Type.Union([Type.Literal('stripe'), Type.Literal('paypal')], {
        description: 'Stripe (a charge or debit), or PayPal (a capture denied)',
      }),
      failureCode: Type.String(),
      failureMessage: Type.String(),
      failedAt: Instant('When the provider reported the failure'),
      attempt: Type.Optional(Type.Integer({ minimum: 1, description: 'Which try of this payment failed (P4: at most 4)' })),
      nextRetryAt: Type.Optional(
        Type.Union([Instant('When the payment is tried again'), Type.Null()], { description: 'Null after the last try' }),
      ),
      final: Type.Optional(
        Type.Boolean({
          description: 'The last try failed: the subscription now follows its catalog (blocked, or the free edition)',
        }),
      ),
    },
    { additionalProperties: false },
  ),
});
export type PaymentFailedV1Data = EventData<typeof PaymentFailedV1>;

export const PaymentRefundedV1 = defineEvent({
  type: 'obolus.payments.payment.refunded.v1',
  topic: Topics.paymentsPayment,
  source: '/obolus/payments',
  summary:
    'Money went back to the customer on the original payment (a staff refund, full or partial); invoicing issues a credit note for it (I3).',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      paymentId: Uuid('The payment refunded'),
      refundId: Uuid('The refund in Obolus'),
      draftId: Uuid('The invoice draft the payment settled; its invoice is the one credited'),
      amountMinor: ChargeAmountMinor('Amount refunded by this refund'),
      refundedTotalMinor: ChargeAmountMinor('Everything refunded on this payment so far, this refund included'),
      paymentAmountMinor: ChargeAmountMinor('What the payment collected'),
      currency: CurrencyCode,
      provider: Type.Union([Type.Literal('stripe'), Type.Literal('paypal')], {
        description: 'Stripe, or PayPal for a refund of a PayPal capture',
      }),
      providerRefundId: Type.String({ minLength: 1, description: 'The provider refund id' }),
      reason: Type.String({ minLength: 1, maxLength: 500, description: 'Why, as staff gave it' }),
      refundedAt: Instant('When the provider reported the refund succeeded'),
    },
    { additionalProperties: false },
  ),
});
export type PaymentRefundedV1Data = EventData<typeof PaymentRefundedV1>;
