import { PaymentRefundedV1, PaymentSucceededV1 } from '@obolus/contracts';
import { randomUUID } from 'node:crypto';
import { PaymentsErrorCode } from '../../../payments/payments.errors';
import { PaypalFixture } from '../../test-support/paypal-fixture';
import { CapturePaypalOrderCommand } from '../capture-paypal-order/capture-paypal-order.command';
import { RecordPaypalEventCommand } from './record-paypal-event.command';

describe('RecordPaypalEventUseCase', () => {
  let fx: PaypalFixture;

  beforeAll(async () => {
    fx = await new PaypalFixture().open();
  });
  afterAll(() => fx.close());

  /** The webhook of this type about this resource, as PayPal signed and posted it. */
  async function webhook(eventType: string, resourceMatches: (body: string) => boolean) {
    const delivery = (await fx.deliveries(eventType)).find((d) => resourceMatches(d.body));
    if (!delivery) throw new Error(`no ${eventType} delivery`);
    return delivery;
  }
  const post = (delivery: { body: string; headers: Record<string, string> }, uow = fx.uow()) =>
    fx.record.execute(
      RecordPaypalEventCommand.create({ rawBody: Buffer.from(delivery.body, 'utf8'), headers: delivery.headers }),
      uow,
    );

  it('captures on CHECKOUT.ORDER.APPROVED and settles once, PAYMENT.CAPTURE.COMPLETED then confirming; redeliveries are duplicates', async () => {
    const { payment, orderId } = await fx.checkout();
    fx.paypal.approveOrder(orderId);
    const approved = await webhook('CHECKOUT.ORDER.APPROVED', (b) => b.includes(orderId));
    const uow = fx.uow();
    expect(await post(approved, uow)).toEqual({ received: true, duplicate: false });
    expect(fx.payments.payments.get(payment.id)!.status).toBe('succeeded');
    expect(uow.dataOf(PaymentSucceededV1)).toHaveLength(1);
    const completed = await webhook('PAYMENT.CAPTURE.COMPLETED', (b) => b.includes(orderId));
    const confirm = fx.uow();
    expect(await post(completed, confirm)).toEqual({ received: true, duplicate: false });
    expect(confirm.emitted).toHaveLength(0);
    expect(await post(completed)).toEqual({ received: true, duplicate: true });
    expect(await post(approved)).toEqual({ received: true, duplicate: true });
    expect(fx.payments.providerEvents.get(`paypal/${JSON.parse(completed.body).id}`)).toMatchObject({
      type: 'PAYMENT.CAPTURE.COMPLETED',
    });
  });

  it('settles from PAYMENT.CAPTURE.COMPLETED when the capture was made but its answer was lost', async () => {
    const { payment, orderId } = await fx.checkout();
    fx.paypal.approveOrder(orderId);
    // Captured at PayPal by a try whose transaction rolled back: the payment still knows nothing.
    await fx.client.captureOrder(orderId, { requestId: `obolus-capture-${payment.id}` });
    const uow = fx.uow();
    await post(await webhook('PAYMENT.CAPTURE.COMPLETED', (b) => b.includes(orderId)), uow);
    expect(fx.payments.payments.get(payment.id)).toMatchObject({ status: 'succeeded' });
    expect(uow.dataOf(PaymentSucceededV1)).toEqual([expect.objectContaining({ provider: 'paypal', paymentId: payment.id })]);
    // The payer's return then finds the payment settled.
    const back = fx.uow();
    expect((await fx.capture.execute(CapturePaypalOrderCommand.create({ orderId }), back)).status).toBe('succeeded');
    expect(back.emitted).toHaveLength(0);
  });

  it('settles a refund PayPal left pending when PAYMENT.CAPTURE.REFUNDED arrives, once; a refund Obolus did not make is only stored', async () => {
    const { payment, orderId } = await fx.checkout();
    fx.paypal.approveOrder(orderId);
    await fx.capture.execute(CapturePaypalOrderCommand.create({ orderId }), fx.uow());
    const captureId = fx.payments.payments.get(payment.id)!.providerPaymentId!;
    const atPaypal = await fx.client.refundCapture(captureId, { amount: { currency_code: 'USD', value: '100.00' } });
    // As RefundPaymentUseCase records a refund PayPal answered PENDING.
    const refundId = randomUUID();
    fx.refunds.rows.set(refundId, {
      id: refundId,
      accountId: payment.accountId,
      paymentId: payment.id,
      idempotencyKey: 'pending-1',
      amountMinor: 10000,
      currency: 'USD',
      reason: 'Seat removed',
      status: 'pending',
      provider: 'paypal',
      providerRefundId: atPaypal.id,
      failureReason: null,
      requestedBy: 'staff:anna@obolus.example',
      createdAt: fx.clock.now(),
      updatedAt: fx.clock.now(),
    });
    const refunded = await webhook('PAYMENT.CAPTURE.REFUNDED', (b) => b.includes(atPaypal.id));
    const uow = fx.uow();
    await post(refunded, uow);
    expect(fx.refunds.rows.get(refundId)).toMatchObject({ status: 'succeeded' });
    expect(uow.dataOf(PaymentRefundedV1)).toEqual([
      expect.objectContaining({
        refundId,
        provider: 'paypal',
        providerRefundId: atPaypal.id,
        amountMinor: 10000,
        currency: 'USD',
      }),
    ]);
    expect(await post(refunded)).toEqual({ received: true, duplicate: true });
    // Another refund of the capture, made on PayPal's side only: stored, nothing settled.
    const outside = await fx.client.refundCapture(captureId, { amount: { currency_code: 'USD', value: '1.00' } });
    const other = fx.uow();
    await post(await webhook('PAYMENT.CAPTURE.REFUNDED', (b) => b.includes(outside.id)), other);
    expect(other.emitted).toHaveLength(0);
  });

  it('refuses (400) a webhook PayPal does not verify, a forged body or missing headers, and changes nothing', async () => {
    const { payment, orderId } = await fx.checkout();
    fx.paypal.approveOrder(orderId);
    await fx.client.captureOrder(orderId);
    const genuine = await webhook('PAYMENT.CAPTURE.COMPLETED', (b) => b.includes(orderId));
    const before = fx.payments.providerEvents.size;
    // The same event, claiming a capture of another payment.
    const forgedBody = genuine.body.split(payment.id).join('00000000-0000-4000-8000-000000000000');
    expect(forgedBody).not.toBe(genuine.body);
    const attempts = [
      { body: forgedBody, headers: genuine.headers },
      {
        body: genuine.body,
        headers: { ...genuine.headers, 'paypal-transmission-sig': Buffer.from('forged').toString('base64') },
      },
      { body: genuine.body, headers: { 'content-type': 'application/json' } },
      { body: '', headers: genuine.headers },
    ];
    for (const attempt of attempts) {
      const uow = fx.uow();
      await expect(post(attempt, uow)).rejects.toMatchObject({
        code: PaymentsErrorCode.WebhookSignatureInvalid,
        kind: 'invalid',
      });
      expect(uow.emitted).toHaveLength(0);
    }
    expect(fx.payments.providerEvents.size).toBe(before);
    expect(fx.payments.payments.get(payment.id)!.status).toBe('processing');
  });
});
