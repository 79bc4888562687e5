import { EventContract, PaymentFailedV1, PaymentSucceededV1 } from '@obolus/contracts';
import { NewEvent } from '@obolus/messaging';
import Stripe from 'stripe';
import { PaymentEntity } from '../entities/payment.entity';

type Append = <C extends EventContract>(contract: C, event: NewEvent<C>) => Promise<unknown>;
type Payment = Pick<
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
  | 'updatedAt'
>;

/**
 * Settles a processing payment from what Stripe says of its PaymentIntent: succeeded, or failed with
 * the decline. Anything else (processing, a bank debit under way) leaves it processing for the webhook.
 * Returns whether the payment changed.
 */
export function settleFromIntent(payment: Payment, intent: Stripe.PaymentIntent, now: Date): boolean {
  if (payment.status !== 'processing') return false;
  payment.providerPaymentId = intent.id;
  if (intent.status === 'succeeded') {
    payment.status = 'succeeded';
  } else if (intent.status === 'requires_payment_method' || intent.status === 'canceled') {
    payment.status = 'failed';
    payment.failureCode = intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? 'payment_failed';
    payment.failureMessage = intent.last_payment_error?.message ?? 'the payment failed';
  } else {
    return false;
  }
  payment.updatedAt = now;
  return true;
}

/** The event that tells the other services how a settled payment ended. */
export async function emitPaymentOutcome(append: Append, payment: Payment, now: Date): Promise<void> {
  const common = {
    accountId: payment.accountId,
    paymentId: payment.id,
    draftId: payment.draftId,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    provider: 'stripe' as const,
  };
  if (payment.status === 'succeeded') {
    await append(PaymentSucceededV1, {
      accountId: payment.accountId,
      subject: payment.id,
      data: {
        ...common,
        providerPaymentId: payment.providerPaymentId!,
        paymentMethod: payment.paymentMethod as 'card',
        succeededAt: now.toISOString(),
      },
    });
    return;
  }
  await append(PaymentFailedV1, {
    accountId: payment.accountId,
    subject: payment.id,
    data: {
      ...common,
      failureCode: payment.failureCode ?? 'payment_failed',
      failureMessage: payment.failureMessage ?? 'the payment failed',
      failedAt: now.toISOString(),
    },
  });
}
