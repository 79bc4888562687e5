import { PaymentFailedV1, PaymentSucceededV1 } from '@obolus/contracts';
import { nameBasedUuid } from '@obolus/platform';
import { InMemoryPayments } from '../../../payments/test-support/in-memory-payments';
import { PaymentsRepository } from '../../../payments/payments.repository';
import { InMemoryAccountClocks } from '@obolus/testing';
import { PaypalSettings } from '../../paypal-settings';
import { PaypalFixture, RETURN_URL } from '../../test-support/paypal-fixture';
import { StartPaypalCheckoutUseCase } from './start-paypal-checkout.use-case';

describe('StartPaypalCheckoutUseCase', () => {
  let fx: PaypalFixture;

  beforeEach(async () => {
    fx = await new PaypalFixture().open();
  });
  afterEach(() => fx.close());

  it('opens a PayPal order for the amount due (USD, intent CAPTURE, draft and payment as invoice_id and custom_id) and keeps its approval link', async () => {
    const uow = fx.uow();
    const command = fx.request();
    await fx.start.execute(command, uow);
    const paymentId = nameBasedUuid('obolus.payments.payment-for-draft', command.draftId);
    const payment = fx.payments.payments.get(paymentId)!;
    expect(payment).toMatchObject({
      accountId: command.accountId,
      draftId: command.draftId,
      amountMinor: 54000,
      currency: 'USD',
      paymentMethod: 'paypal',
      provider: 'paypal',
      status: 'processing',
      providerPaymentId: null,
    });
    expect(payment.approveUrl).toBe(`${fx.paypal.url}/checkoutnow?token=${payment.providerOrderId}`);
    const order = await fx.client.getOrder(payment.providerOrderId!);
    expect(order).toMatchObject({ intent: 'CAPTURE', status: 'PAYER_ACTION_REQUIRED' });
    expect(order.purchase_units[0]).toMatchObject({
      invoice_id: command.draftId,
      custom_id: paymentId,
      amount: { currency_code: 'USD', value: '540.00' },
    });
    expect(uow.emitted).toHaveLength(0);
    // The payer comes back to payments' return URL with the order as token.
    expect(fx.paypal.approveOrder(payment.providerOrderId!).redirectUrl).toMatch(
      new RegExp(`^${RETURN_URL}\\?token=${payment.providerOrderId}&PayerID=`),
    );
  });

  it('makes no second order for a redelivered request, nor for a try that lost its transaction after reaching PayPal', async () => {
    const command = fx.request();
    await fx.start.execute(command, fx.uow());
    await fx.start.execute(command, fx.uow());
    expect([...fx.payments.payments.values()]).toHaveLength(1);
    const first = [...fx.payments.payments.values()][0]!;
    // The same request again on tables that never saw the first (its transaction rolled back).
    const lost = new InMemoryPayments();
    const retry = new StartPaypalCheckoutUseCase(
      fx.client,
      new PaypalSettings(fx.paypal.webhookId, RETURN_URL),
      lost as unknown as PaymentsRepository,
      new InMemoryAccountClocks(fx.clock),
    );
    await retry.execute(command, fx.uow());
    expect([...lost.payments.values()][0]).toMatchObject({ id: first.id, providerOrderId: first.providerOrderId });
  });

  it('leaves a request in another currency alone: no order, no payment, no event', async () => {
    const uow = fx.uow();
    await fx.start.execute(fx.request({ currency: 'EUR' }), uow);
    expect(fx.payments.payments.size).toBe(0);
    expect(uow.emitted).toHaveLength(0);
  });

  it('writes nothing while PayPal is unavailable (the request is retried), and fails the payment PayPal refuses', async () => {
    const command = fx.request();
    fx.paypal.failNext(1, 503);
    await expect(fx.start.execute(command, fx.uow())).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      kind: 'unavailable',
    });
    expect(fx.payments.payments.size).toBe(0);
    await fx.start.execute(command, fx.uow());
    expect(fx.payments.payments.size).toBe(1);

    fx.paypal.failNext(1, 422);
    const refused = fx.uow();
    const other = fx.request();
    await fx.start.execute(other, refused);
    const failed = [...fx.payments.payments.values()].find((p) => p.draftId === other.draftId)!;
    expect(failed).toMatchObject({ status: 'failed', provider: 'paypal', providerOrderId: null });
    expect(refused.dataOf(PaymentFailedV1)).toEqual([expect.objectContaining({ provider: 'paypal', draftId: other.draftId })]);
    expect(refused.dataOf(PaymentSucceededV1)).toHaveLength(0);
  });
});
