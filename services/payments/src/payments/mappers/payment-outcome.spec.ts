import { PaymentFailedV1, PaymentSucceededV1, violationsOf } from '@obolus/contracts';
import Stripe from 'stripe';
import { emitPaymentOutcome, settleFromIntent } from './payment-outcome';

const now = new Date('2026-11-27T10:00:00Z');
const processing = () => ({
  id: '9c4e7d46-09ce-55d1-898a-80f970805039',
  accountId: '0765b8c1-7e3e-4769-9010-56ec23b7ff2f',
  draftId: '8ed38e6d-ae59-4606-a54f-352843965d4d',
  amountMinor: 14040,
  currency: 'EUR',
  paymentMethod: 'card',
  status: 'processing' as 'processing' | 'succeeded' | 'failed',
  providerPaymentId: null as string | null,
  failureCode: null as string | null,
  failureMessage: null as string | null,
  updatedAt: new Date(0),
});
const intent = (fields: Partial<Stripe.PaymentIntent>) => ({ id: 'pi_123', ...fields }) as Stripe.PaymentIntent;

describe('payment outcome', () => {
  it('settles a card payment that Stripe says succeeded, and announces it in a valid payment.succeeded', async () => {
    const payment = processing();
    expect(settleFromIntent(payment, intent({ status: 'succeeded' }), now)).toBe(true);
    expect(payment).toMatchObject({ status: 'succeeded', providerPaymentId: 'pi_123', updatedAt: now });
    const emitted: [unknown, { data: unknown }][] = [];
    await emitPaymentOutcome(async (contract, event) => void emitted.push([contract, event]), payment, now);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]![0]).toBe(PaymentSucceededV1);
    expect(violationsOf(PaymentSucceededV1, emitted[0]![1].data)).toEqual([]);
  });

  it('settles a declined payment as failed with the decline code, in a valid payment.failed', async () => {
    const payment = processing();
    const declined = intent({
      status: 'requires_payment_method',
      last_payment_error: {
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
      } as Stripe.PaymentIntent.LastPaymentError,
    });
    expect(settleFromIntent(payment, declined, now)).toBe(true);
    expect(payment).toMatchObject({ status: 'failed', failureCode: 'insufficient_funds' });
    const emitted: [unknown, { data: unknown }][] = [];
    await emitPaymentOutcome(async (contract, event) => void emitted.push([contract, event]), payment, now);
    expect(emitted[0]![0]).toBe(PaymentFailedV1);
    expect(violationsOf(PaymentFailedV1, emitted[0]![1].data)).toEqual([]);
  });

  it('leaves a debit still processing, and a payment already settled, as they are', () => {
    const debit = processing();
    expect(settleFromIntent(debit, intent({ status: 'processing' }), now)).toBe(false);
    expect(debit.status).toBe('processing');
    const settled = { ...processing(), status: 'succeeded' as const };
    expect(settleFromIntent(settled, intent({ status: 'requires_payment_method' }), now)).toBe(false);
    expect(settled.status).toBe('succeeded');
  });
});
