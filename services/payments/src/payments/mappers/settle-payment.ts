import Stripe from 'stripe';
import { PaymentEntity } from '../entities/payment.entity';

export type SettleablePayment = Pick<
  PaymentEntity,
  'status' | 'providerPaymentId' | 'failureCode' | 'failureMessage' | 'updatedAt'
>;

/**
 * The payment as Stripe's PaymentIntent settles it: succeeded, or failed with the decline. Null when the
 * intent settles nothing: the payment was settled already, or the intent is still under way (a bank
 * debit), which leaves the payment processing for the webhook.
 */
export function settleFromIntent<P extends SettleablePayment>(payment: P, intent: Stripe.PaymentIntent, now: Date): P | null {
  if (payment.status !== 'processing') return null;
  if (intent.status === 'succeeded') {
    return { ...payment, providerPaymentId: intent.id, status: 'succeeded', updatedAt: now };
  }
  if (intent.status === 'requires_payment_method' || intent.status === 'canceled') {
    const error = intent.last_payment_error;
    return {
      ...payment,
      providerPaymentId: intent.id,
      status: 'failed',
      failureCode: error?.decline_code ?? error?.code ?? 'payment_failed',
      failureMessage: error?.message ?? 'the payment failed',
      updatedAt: now,
    };
  }
  return null;
}
