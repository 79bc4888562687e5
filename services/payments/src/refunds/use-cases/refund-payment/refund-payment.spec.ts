import { PaymentRefundedV1, StaffActionTakenV1 } from '@obolus/contracts';
import { JobScheduler } from '@obolus/messaging';
import { InMemoryAccountClocks, InMemoryJobScheduler, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { PaypalClient } from '@obolus/paypal';
import { randomUUID } from 'node:crypto';
import { Dunning } from '../../../payments/dunning';
import { PaymentEntity } from '../../../payments/entities/payment.entity';
import { PaymentsErrorCode } from '../../../payments/payments.errors';
import { PaymentsRepository } from '../../../payments/payments.repository';
import { InMemoryPayments } from '../../../payments/test-support/in-memory-payments';
import { InMemoryStripe } from '../../../payments/test-support/in-memory-stripe';
import { signedWebhook, webhookVerifier } from '../../../payments/test-support/stripe-webhooks';
import { RecordProviderEventUseCase } from '../../../payments/use-cases/record-provider-event/record-provider-event.use-case';
import { PaypalFixture } from '../../../paypal/test-support/paypal-fixture';
import { CapturePaypalOrderCommand } from '../../../paypal/use-cases/capture-paypal-order/capture-paypal-order.command';
import { RefundSettlement } from '../../refund-settlement';
import { RefundsRepository } from '../../refunds.repository';
import { InMemoryRefunds } from '../../test-support/in-memory-refunds';
import { SUPPORT } from '../../../bank-transfers/test-support/staff';
import { RefundPaymentCommand, RefundPaymentInput } from './refund-payment.command';
import { RefundPaymentUseCase } from './refund-payment.use-case';

describe('RefundPaymentUseCase', () => {
  const clock = new SettableClock(new Date('2026-12-03T10:00:00Z'));
  let payments: InMemoryPayments;
  let refunds: InMemoryRefunds;
  let stripe: InMemoryStripe;
  let useCase: RefundPaymentUseCase;
  let payment: PaymentEntity;

  beforeEach(async () => {
    payments = new InMemoryPayments();
    refunds = new InMemoryRefunds();
    stripe = new InMemoryStripe();
    useCase = new RefundPaymentUseCase(
      stripe,
      payments as unknown as PaymentsRepository,
      refunds as unknown as RefundsRepository,
      new InMemoryAccountClocks(clock),
      // Never reached by these Stripe payments: PayPal refunds are specified with the PayPal sandbox.
      new PaypalClient({ baseUrl: 'http://127.0.0.1:9', clientId: 'unused', clientSecret: 'unused', timeoutMs: 100 }),
    );
    const accountId = randomUUID();
    const draftId = randomUUID();
    const charge = await stripe.chargeOffSession({ amount: 11880, currency: 'eur', confirm: true }, `obolus-draft-${draftId}`);
    payment = {
      id: randomUUID(),
      accountId,
      draftId,
      amountMinor: 11880,
      currency: 'EUR',
      paymentMethod: 'card',
      status: 'succeeded',
      provider: 'stripe',
      providerPaymentId: charge.intent!.id,
      failureCode: null,
      failureMessage: null,
      traceHeaders: {},
      attempts: 1,
      firstFailedAt: null,
      nextRetryAt: null,
      dunning: null,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    };
    await payments.insertPayment(new RecordingUnitOfWork(clock), payment);
  });

  function refund(input: Partial<RefundPaymentInput>, uow = new RecordingUnitOfWork(clock)) {
    const command = RefundPaymentCommand.create({
      accountId: payment.accountId,
      paymentId: payment.id,
      reason: 'Seat removed the day after renewal',
      idempotencyKey: 'refund-1',
      requestedBy: 'staff:anna@obolus.example',
      ...SUPPORT,
      ...input,
    });
    return useCase.execute(command, uow);
  }

  it('refunds part of a card payment once at Stripe and announces payment.refunded with the running total', async () => {
    const uow = new RecordingUnitOfWork(clock);
    const view = await refund({ amountMinor: 2970 }, uow);
    expect(view).toMatchObject({
      status: 'succeeded',
      amountMinor: 2970,
      currency: 'EUR',
      requestedBy: 'staff:anna@obolus.example',
    });
    expect(view).not.toHaveProperty('idempotencyKey');
    expect(stripe.refunds.size).toBe(1);
    const [asked] = [...stripe.refunds.values()];
    expect(asked.params).toMatchObject({ payment_intent: payment.providerPaymentId, amount: 2970 });
    expect(uow.dataOf(PaymentRefundedV1)).toEqual([
      {
        accountId: payment.accountId,
        paymentId: payment.id,
        refundId: view.id,
        draftId: payment.draftId,
        amountMinor: 2970,
        refundedTotalMinor: 2970,
        paymentAmountMinor: 11880,
        currency: 'EUR',
        provider: 'stripe',
        providerRefundId: view.providerRefundId,
        reason: 'Seat removed the day after renewal',
        refundedAt: '2026-12-03T10:00:00.000Z',
      },
    ]);
    // Who refunded, and why, for the account's audit log.
    expect(uow.dataOf(StaffActionTakenV1)).toEqual([
      {
        accountId: payment.accountId,
        staffUserId: SUPPORT.staffUserId,
        staffEmail: SUPPORT.staffEmail,
        action: 'payment.refunded',
        reason: 'Seat removed the day after renewal',
        subject: { type: 'payment', id: payment.id },
        details: { refundId: view.id, amountMinor: 2970, currency: 'EUR', status: 'succeeded', provider: 'stripe' },
        occurredAt: '2026-12-03T10:00:00.000Z',
      },
    ]);
  });

  it('answers a repeated request with the same refund and asks Stripe nothing more', async () => {
    const first = await refund({ amountMinor: 2970 });
    const again = new RecordingUnitOfWork(clock);
    await expect(refund({ amountMinor: 2970 }, again)).resolves.toEqual(first);
    expect(stripe.refunds.size).toBe(1);
    expect(again.dataOf(PaymentRefundedV1)).toEqual([]);
    expect(again.dataOf(StaffActionTakenV1)).toEqual([]);
  });

  it('refuses the same key for another amount', async () => {
    await refund({ amountMinor: 2970 });
    await expect(refund({ amountMinor: 100 })).rejects.toMatchObject({ code: PaymentsErrorCode.IdempotencyKeyReused });
  });

  it('never refunds more than was paid, counting earlier refunds', async () => {
    await refund({ amountMinor: 10000, idempotencyKey: 'a' });
    await expect(refund({ amountMinor: 1881, idempotencyKey: 'b' })).rejects.toMatchObject({
      code: PaymentsErrorCode.RefundExceedsPayment,
      fields: [{ field: 'amountMinor', reason: 'must be at most 1880, what is left to refund' }],
    });
    const rest = await refund({ idempotencyKey: 'c' });
    expect(rest.amountMinor).toBe(1880);
    await expect(refund({ amountMinor: 1, idempotencyKey: 'd' })).rejects.toMatchObject({
      code: PaymentsErrorCode.RefundExceedsPayment,
    });
    expect(refunds.rows.size).toBe(2);
  });

  it('refuses a payment that has not succeeded, and one of another account', async () => {
    await payments.savePayment(new RecordingUnitOfWork(clock), { ...payment, status: 'failed' });
    await expect(refund({ amountMinor: 100 })).rejects.toMatchObject({ code: PaymentsErrorCode.PaymentNotRefundable });
    await expect(refund({ accountId: randomUUID() })).rejects.toMatchObject({ code: PaymentsErrorCode.PaymentNotFound });
    expect(stripe.refunds.size).toBe(0);
  });

  it('refuses a bank transfer (422 naming paymentId): no provider can send it back, nothing is asked or written', async () => {
    await payments.savePayment(new RecordingUnitOfWork(clock), {
      ...payment,
      provider: 'bank',
      paymentMethod: 'bank_transfer',
      providerPaymentId: 'stmt-1/entry-1',
    });
    const uow = new RecordingUnitOfWork(clock);
    await expect(refund({ amountMinor: 100 }, uow)).rejects.toMatchObject({
      code: PaymentsErrorCode.RefundNotThroughProvider,
      kind: 'unprocessable',
      fields: [expect.objectContaining({ field: 'paymentId' })],
    });
    expect(stripe.refunds.size).toBe(0);
    expect(refunds.rows.size).toBe(0);
    expect(uow.dataOf(PaymentRefundedV1)).toHaveLength(0);
  });

  it('writes nothing when Stripe cannot be reached, and the retry with the same key reaches the same refund', async () => {
    stripe.nextRefund = 'unreachable';
    await expect(refund({ amountMinor: 500 })).rejects.toThrow(/unreachable/);
    expect(refunds.rows.size).toBe(0);
    stripe.nextRefund = 'succeeds';
    const done = await refund({ amountMinor: 500 });
    expect(done.status).toBe('succeeded');
  });

  it('refuses bad input by field', () => {
    const base = {
      accountId: payment.accountId,
      paymentId: payment.id,
      reason: 'Charged twice',
      idempotencyKey: 'k',
      requestedBy: 's',
      ...SUPPORT,
    };
    expect(() => RefundPaymentCommand.create({ ...base, amountMinor: 0 })).toThrow(/amountMinor/);
    expect(() => RefundPaymentCommand.create({ ...base, amountMinor: 12.5 })).toThrow(/amountMinor/);
    expect(() => RefundPaymentCommand.create({ ...base, idempotencyKey: '' })).toThrow(/Idempotency-Key/);
    expect(() => RefundPaymentCommand.create({ ...base, idempotencyKey: 'a b' })).toThrow(/Idempotency-Key/);
    expect(() => RefundPaymentCommand.create({ ...base, reason: '' })).toThrow(/reason/);
    expect(() => RefundPaymentCommand.create({ ...base, reason: 'no' })).toThrow(/reason/);
    expect(() => RefundPaymentCommand.create({ ...base, staffUserId: 'anna' })).toThrow(/staffUserId/);
  });

  it('keeps a bank-debit refund pending until its webhook, then announces it once', async () => {
    stripe.nextRefund = 'pending';
    const uow = new RecordingUnitOfWork(clock);
    const pending = await refund({ amountMinor: 4000 }, uow);
    expect(pending.status).toBe('pending');
    expect(uow.dataOf(PaymentRefundedV1)).toEqual([]);
    const record = new RecordProviderEventUseCase(
      webhookVerifier(),
      payments as unknown as PaymentsRepository,
      clock,
      new InMemoryAccountClocks(clock),
      new Dunning(new InMemoryJobScheduler() as unknown as JobScheduler),
      new RefundSettlement(
        refunds as unknown as RefundsRepository,
        payments as unknown as PaymentsRepository,
        new InMemoryAccountClocks(clock),
      ),
    );
    const settled = { id: pending.providerRefundId, object: 'refund', status: 'succeeded', amount: 4000, metadata: {} };
    clock.set('2026-12-08T09:00:00Z');
    const hook = new RecordingUnitOfWork(clock);
    await record.execute(signedWebhook('refund.updated', settled), hook);
    await record.execute(signedWebhook('charge.refund.updated', settled), hook);
    expect(refunds.rows.get(pending.id)?.status).toBe('succeeded');
    expect(hook.dataOf(PaymentRefundedV1)).toEqual([
      expect.objectContaining({
        refundId: pending.id,
        amountMinor: 4000,
        refundedTotalMinor: 4000,
        refundedAt: '2026-12-08T09:00:00.000Z',
      }),
    ]);
  });
});

describe('RefundPaymentUseCase, PayPal payments', () => {
  let fx: PaypalFixture;
  let refunds: InMemoryRefunds;
  let useCase: RefundPaymentUseCase;

  beforeAll(async () => {
    fx = await new PaypalFixture().open();
  });
  afterAll(() => fx.close());
  beforeEach(() => {
    refunds = new InMemoryRefunds();
    useCase = new RefundPaymentUseCase(
      new InMemoryStripe(),
      fx.payments as unknown as PaymentsRepository,
      refunds as unknown as RefundsRepository,
      new InMemoryAccountClocks(fx.clock),
      fx.client,
    );
  });

  it('refunds part of a PayPal payment once, on its capture at PayPal, and announces payment.refunded (provider paypal)', async () => {
    const { payment, orderId } = await fx.checkout();
    fx.paypal.approveOrder(orderId);
    await fx.capture.execute(CapturePaypalOrderCommand.create({ orderId }), fx.uow());
    const captureId = fx.payments.payments.get(payment.id)!.providerPaymentId!;
    const input: RefundPaymentInput = {
      accountId: payment.accountId,
      paymentId: payment.id,
      amountMinor: 12000,
      reason: 'Two seats fewer',
      ...SUPPORT,
      idempotencyKey: 'paypal-refund-1',
      requestedBy: 'staff:anna@obolus.example',
    };
    const uow = new RecordingUnitOfWork(fx.clock);
    const view = await useCase.execute(RefundPaymentCommand.create(input), uow);
    expect(view).toMatchObject({ status: 'succeeded', provider: 'paypal', amountMinor: 12000, currency: 'USD' });
    expect(uow.dataOf(PaymentRefundedV1)).toEqual([
      expect.objectContaining({
        provider: 'paypal',
        providerRefundId: view.providerRefundId,
        amountMinor: 12000,
        refundedTotalMinor: 12000,
        paymentAmountMinor: 54000,
        currency: 'USD',
      }),
    ]);
    // A repeat is answered from Obolus; PayPal holds one refund of the capture.
    const again = new RecordingUnitOfWork(fx.clock);
    expect(await useCase.execute(RefundPaymentCommand.create(input), again)).toEqual(view);
    expect(again.emitted).toHaveLength(0);
    const order = await fx.client.getOrder(orderId);
    expect(order.purchase_units[0]!.payments!.refunds).toEqual([
      expect.objectContaining({
        id: view.providerRefundId,
        amount: { currency_code: 'USD', value: '120.00' },
        custom_id: view.id,
      }),
    ]);
    expect(order.purchase_units[0]!.payments!.captures![0]).toMatchObject({ id: captureId, status: 'PARTIALLY_REFUNDED' });
  });
});
