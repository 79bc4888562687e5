import Stripe from 'stripe';
import { settleFromIntent, SettleablePayment } from './settle-payment';

const now = new Date('2026-11-27T10:00:00Z');
const processing = (): SettleablePayment => ({
  status: 'processing',
  providerPaymentId: null,
  failureCode: null,
  failureMessage: null,
  updatedAt: new Date(0),
});
const intent = (fields: Partial<Stripe.PaymentIntent>) => ({ id: 'pi_123', ...fields }) as Stripe.PaymentIntent;

describe('settleFromIntent', () => {
  it('settles a payment Stripe says succeeded, with its PaymentIntent, and leaves the original untouched', () => {
    const payment = processing();
    expect(settleFromIntent(payment, intent({ status: 'succeeded' }), now)).toEqual({
      status: 'succeeded',
      providerPaymentId: 'pi_123',
      failureCode: null,
      failureMessage: null,
      updatedAt: now,
    });
    expect(payment.status).toBe('processing');
  });

  it('settles a declined payment as failed with the decline code and message', () => {
    const declined = intent({
      status: 'requires_payment_method',
      last_payment_error: {
        decline_code: 'insufficient_funds',
        code: 'card_declined',
        message: 'Your card has insufficient funds.',
      } as Stripe.PaymentIntent.LastPaymentError,
    });
    expect(settleFromIntent(processing(), declined, now)).toMatchObject({
      status: 'failed',
      providerPaymentId: 'pi_123',
      failureCode: 'insufficient_funds',
      failureMessage: 'Your card has insufficient funds.',
    });
  });

  it('falls back to the error code, then to payment_failed, for a canceled intent', () => {
    const coded = intent({
      status: 'canceled',
      last_payment_error: { code: 'expired_card' } as Stripe.PaymentIntent.LastPaymentError,
    });
    expect(settleFromIntent(processing(), coded, now)).toMatchObject({
      failureCode: 'expired_card',
      failureMessage: 'the payment failed',
    });
    expect(settleFromIntent(processing(), intent({ status: 'canceled' }), now)).toMatchObject({ failureCode: 'payment_failed' });
  });

  it('settles nothing for a debit still processing, or a payment already settled', () => {
    expect(settleFromIntent(processing(), intent({ status: 'processing' }), now)).toBeNull();
    const settled = { ...processing(), status: 'succeeded' as const };
    expect(settleFromIntent(settled, intent({ status: 'requires_payment_method' }), now)).toBeNull();
  });
});
