import { PaymentFailedV1, PaymentSucceededV1 } from '@obolus/contracts';
import { PaymentsErrorCode } from '../../../payments/payments.errors';
import { PaypalFixture } from '../../test-support/paypal-fixture';
import { CapturePaypalOrderCommand } from './capture-paypal-order.command';

describe('CapturePaypalOrderUseCase', () => {
  let fx: PaypalFixture;

  beforeAll(async () => {
    fx = await new PaypalFixture().open();
  });
  afterAll(() => fx.close());

  const capture = (orderId: string, uow = fx.uow()) => fx.capture.execute(CapturePaypalOrderCommand.create({ orderId }), uow);

  it('captures an approved order once: the payment succeeds with the capture id and payment.succeeded names PayPal', async () => {
    const { payment, orderId } = await fx.checkout();
    fx.paypal.approveOrder(orderId);
    const uow = fx.uow();
    const view = await capture(orderId, uow);
    const settled = fx.payments.payments.get(payment.id)!;
    expect(view).toEqual({ paymentId: payment.id, status: 'succeeded', approveUrl: null });
    expect(settled).toMatchObject({ status: 'succeeded', approveUrl: null, providerOrderId: orderId });
    const order = await fx.client.getOrder(orderId);
    const captureId = order.purchase_units[0]!.payments!.captures![0]!.id;
    expect(settled.providerPaymentId).toBe(captureId);
    expect(uow.dataOf(PaymentSucceededV1)).toEqual([
      expect.objectContaining({
        paymentId: payment.id,
        draftId: payment.draftId,
        amountMinor: 54000,
        currency: 'USD',
        provider: 'paypal',
        providerPaymentId: captureId,
        paymentMethod: 'paypal',
      }),
    ]);
    // The return URL and the approval webhook both capture: the second asks PayPal nothing and says the same.
    const again = fx.uow();
    expect(await capture(orderId, again)).toEqual(view);
    expect(again.emitted).toHaveLength(0);
    expect(order.purchase_units[0]!.payments!.captures).toHaveLength(1);
  });

  it('leaves an order the payer has not approved yet, and refuses an order that is no payment of Obolus', async () => {
    const { payment, orderId } = await fx.checkout();
    const uow = fx.uow();
    expect(await capture(orderId, uow)).toEqual({ paymentId: payment.id, status: 'processing', approveUrl: payment.approveUrl });
    expect(uow.emitted).toHaveLength(0);
    expect(fx.payments.payments.get(payment.id)!.status).toBe('processing');
    await expect(capture('5O190127TN364715T')).rejects.toMatchObject({
      code: PaymentsErrorCode.PaypalOrderNotFound,
      kind: 'not-found',
    });
    expect(() => CapturePaypalOrderCommand.create({ orderId: '../v1/oauth2' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'token' })] }),
    );
  });

  it('fails the payment when PayPal declines the capture (payment.failed, provider paypal, no retries)', async () => {
    const { payment, orderId } = await fx.checkout();
    fx.paypal.approveOrder(orderId, { email: 'capture-declined@example.com' });
    const uow = fx.uow();
    expect((await capture(orderId, uow)).status).toBe('failed');
    expect(fx.payments.payments.get(payment.id)).toMatchObject({
      status: 'failed',
      failureCode: 'paypal_capture_declined',
      dunning: null,
      nextRetryAt: null,
    });
    expect(uow.dataOf(PaymentFailedV1)).toEqual([expect.objectContaining({ provider: 'paypal', paymentId: payment.id })]);
    expect(uow.dataOf(PaymentSucceededV1)).toHaveLength(0);
  });

  it('keeps the payment processing after a declined instrument, with the link to approve again; the next approval captures', async () => {
    const { payment, orderId } = await fx.checkout();
    fx.paypal.approveOrder(orderId, { email: 'instrument-declined@example.com' });
    const uow = fx.uow();
    const view = await capture(orderId, uow);
    expect(view).toMatchObject({ status: 'processing', approveUrl: expect.stringContaining(orderId) });
    expect(uow.emitted).toHaveLength(0);
    fx.paypal.approveOrder(orderId, { email: 'payer@example.com' });
    const later = fx.uow();
    expect((await capture(orderId, later)).status).toBe('succeeded');
    expect(later.dataOf(PaymentSucceededV1)).toEqual([expect.objectContaining({ paymentId: payment.id })]);
  });

  it('writes nothing while PayPal is unavailable; the retry captures', async () => {
    const { payment, orderId } = await fx.checkout();
    fx.paypal.approveOrder(orderId);
    fx.paypal.failNext(1, 500);
    await expect(capture(orderId)).rejects.toMatchObject({ code: PaymentsErrorCode.ProviderUnavailable });
    expect(fx.payments.payments.get(payment.id)!.status).toBe('processing');
    expect((await capture(orderId)).status).toBe('succeeded');
  });
});
