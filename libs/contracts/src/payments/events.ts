import { Type } from '@sinclair/typebox';
import { ChargeAmountMinor, CurrencyCode, Instant, PaymentMethodKind, Uuid } from '../common';
import { defineEvent, EventData } from '../event-contract';
import { Topics } from '../topics';

export const PaymentSucceededV1 = defineEvent({
  type: 'obolus.payments.payment.succeeded.v1',
  topic: Topics.paymentsPayment,
  source: '/obolus/payments',
  summary: 'A payment for a requested amount succeeded at the provider (signed webhook verified).',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      paymentId: Uuid('The payment in Obolus'),
      draftId: Uuid('The invoice draft the payment settles'),
      amountMinor: ChargeAmountMinor('Amount paid'),
      currency: CurrencyCode,
      provider: Type.Literal('stripe'),
      providerPaymentId: Type.String({ minLength: 1, description: 'The PaymentIntent id' }),
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
  summary: 'A payment attempt failed; the customer is told and the attempt is retried on a schedule (P4).',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      paymentId: Uuid('The payment in Obolus'),
      draftId: Uuid('The invoice draft the payment was for'),
      amountMinor: ChargeAmountMinor('Amount asked'),
      currency: CurrencyCode,
      provider: Type.Literal('stripe'),
      failureCode: Type.String(),
      failureMessage: Type.String(),
      failedAt: Instant('When the provider reported the failure'),
    },
    { additionalProperties: false },
  ),
});
export type PaymentFailedV1Data = EventData<typeof PaymentFailedV1>;
