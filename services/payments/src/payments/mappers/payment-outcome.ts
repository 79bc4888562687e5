import { PaymentFailedV1, PaymentMethodKind, PaymentSucceededV1 } from '@obolus/contracts';
import { NewEvent } from '@obolus/messaging';
import { PaymentEntity } from '../entities/payment.entity';

export type SettledPayment = Pick<
  PaymentEntity,
  | 'id'
  | 'accountId'
  | 'draftId'
  | 'amountMinor'
  | 'currency'
  | 'paymentMethod'
  | 'status'
  | 'providerPaymentId'
  | 'failureCode'
  | 'failureMessage'
> &
  Partial<Pick<PaymentEntity, 'attempts' | 'nextRetryAt' | 'dunning' | 'provider'>>;

/** The event that tells the other services how a settled payment ended, ready for `uow.emit`. */
export type PaymentOutcome =
  | { contract: typeof PaymentSucceededV1; event: NewEvent<typeof PaymentSucceededV1> }
  | { contract: typeof PaymentFailedV1; event: NewEvent<typeof PaymentFailedV1> };

/** payment.succeeded for a succeeded payment, payment.failed otherwise; `at` is when it settled. */
export function paymentOutcome(payment: SettledPayment, at: Date): PaymentOutcome {
  const common = {
    accountId: payment.accountId,
    paymentId: payment.id,
    draftId: payment.draftId,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
  };
  if (payment.status === 'succeeded') {
    return {
      contract: PaymentSucceededV1,
      event: {
        accountId: payment.accountId,
        subject: payment.id,
        data: {
          ...common,
          provider: payment.provider ?? 'stripe',
          providerPaymentId: payment.providerPaymentId!,
          paymentMethod: payment.paymentMethod as PaymentMethodKind,
          succeededAt: at.toISOString(),
        },
      },
    };
  }
  return {
    contract: PaymentFailedV1,
    event: {
      accountId: payment.accountId,
      subject: payment.id,
      data: {
        ...common,
        // Stripe's charges and PayPal's captures fail: a bank transfer stays awaited until it arrives.
        provider: payment.provider === 'paypal' ? 'paypal' : 'stripe',
        failureCode: payment.failureCode ?? 'payment_failed',
        failureMessage: payment.failureMessage ?? 'the payment failed',
        failedAt: at.toISOString(),
        ...(payment.dunning
          ? {
              attempt: payment.attempts ?? 1,
              nextRetryAt: payment.nextRetryAt ? new Date(payment.nextRetryAt).toISOString() : null,
              final: payment.dunning === 'exhausted',
            }
          : {}),
      },
    },
  };
}
