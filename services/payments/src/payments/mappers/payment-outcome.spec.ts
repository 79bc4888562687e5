import { PaymentFailedV1, PaymentSucceededV1, violationsOf } from '@obolus/contracts';
import { paymentOutcome, SettledPayment } from './payment-outcome';

const at = new Date('2026-11-27T10:00:00Z');
const payment = (fields: Partial<SettledPayment>): SettledPayment => ({
  id: '9c4e7d46-09ce-55d1-898a-80f970805039',
  accountId: '0765b8c1-7e3e-4769-9010-56ec23b7ff2f',
  draftId: '8ed38e6d-ae59-4606-a54f-352843965d4d',
  amountMinor: 14040,
  currency: 'EUR',
  paymentMethod: 'card',
  status: 'succeeded',
  providerPaymentId: 'pi_123',
  failureCode: null,
  failureMessage: null,
  ...fields,
});

const common = {
  accountId: '0765b8c1-7e3e-4769-9010-56ec23b7ff2f',
  paymentId: '9c4e7d46-09ce-55d1-898a-80f970805039',
  draftId: '8ed38e6d-ae59-4606-a54f-352843965d4d',
  amountMinor: 14040,
  currency: 'EUR',
  provider: 'stripe',
};

describe('paymentOutcome', () => {
  it('announces a succeeded payment as payment.succeeded, field for field and in this order', () => {
    const outcome = paymentOutcome(payment({}), at);
    expect(outcome.contract).toBe(PaymentSucceededV1);
    expect(outcome.event.accountId).toBe('0765b8c1-7e3e-4769-9010-56ec23b7ff2f');
    expect(outcome.event.subject).toBe('9c4e7d46-09ce-55d1-898a-80f970805039');
    // Integrators receive these bytes: the order of the keys is part of what stays the same.
    expect(JSON.stringify(outcome.event.data)).toBe(
      JSON.stringify({
        ...common,
        providerPaymentId: 'pi_123',
        paymentMethod: 'card',
        succeededAt: '2026-11-27T10:00:00.000Z',
      }),
    );
    expect(violationsOf(PaymentSucceededV1, outcome.event.data)).toEqual([]);
  });

  it('announces a failed payment as payment.failed with its code and message', () => {
    const outcome = paymentOutcome(
      payment({
        status: 'failed',
        providerPaymentId: null,
        failureCode: 'insufficient_funds',
        failureMessage: 'Your card has insufficient funds.',
      }),
      at,
    );
    expect(outcome.contract).toBe(PaymentFailedV1);
    expect(JSON.stringify(outcome.event.data)).toBe(
      JSON.stringify({
        ...common,
        failureCode: 'insufficient_funds',
        failureMessage: 'Your card has insufficient funds.',
        failedAt: '2026-11-27T10:00:00.000Z',
      }),
    );
    expect(violationsOf(PaymentFailedV1, outcome.event.data)).toEqual([]);
  });

  it('names a failure without a recorded reason payment_failed', () => {
    const outcome = paymentOutcome(payment({ status: 'failed' }), at);
    expect(outcome.event.data).toMatchObject({ failureCode: 'payment_failed', failureMessage: 'the payment failed' });
  });
});
