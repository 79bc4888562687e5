import { PaymentFailedV1, PaymentSucceededV1 } from '@obolus/contracts';
import { nameBasedUuid } from '@obolus/platform';
import { InMemoryAccountClocks, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { InMemoryJobScheduler } from '@obolus/testing';
import { JobScheduler } from '@obolus/messaging';
import { RefundSettlement } from '../../../refunds/refund-settlement';
import { RefundsRepository } from '../../../refunds/refunds.repository';
import { InMemoryRefunds } from '../../../refunds/test-support/in-memory-refunds';
import { BankTransfersRepository } from '../../../bank-transfers/bank-transfers.repository';
import { InMemoryBankTransfers } from '../../../bank-transfers/test-support/in-memory-bank-transfers';
import { AwaitBankTransferUseCase } from '../../../bank-transfers/use-cases/await-bank-transfer/await-bank-transfer.use-case';
import { Dunning } from '../../dunning';
import { randomUUID } from 'node:crypto';
import { PaymentsErrorCode } from '../../payments.errors';
import { PaymentsRepository } from '../../payments.repository';
import { SavedMethods } from '../../saved-methods';
import { InMemoryPayments } from '../../test-support/in-memory-payments';
import { ChargeBehaviour, InMemoryStripe } from '../../test-support/in-memory-stripe';
import { signedWebhook, webhookVerifier } from '../../test-support/stripe-webhooks';
import { CollectPaymentCommand } from '../collect-payment/collect-payment.command';
import { CollectPaymentUseCase } from '../collect-payment/collect-payment.use-case';
import { RecordProviderEventCommand } from './record-provider-event.command';
import { RecordProviderEventUseCase } from './record-provider-event.use-case';

describe('RecordProviderEventUseCase', () => {
  const clock = new SettableClock(new Date('2026-11-27T10:00:00Z'));
  let payments: InMemoryPayments;
  let refunds: InMemoryRefunds;
  let stripe: InMemoryStripe;
  let record: RecordProviderEventUseCase;
  let jobs: InMemoryJobScheduler;
  let dunning: Dunning;
  let accountId: string;

  beforeEach(() => {
    payments = new InMemoryPayments();
    refunds = new InMemoryRefunds();
    stripe = new InMemoryStripe();
    jobs = new InMemoryJobScheduler();
    dunning = new Dunning(jobs as unknown as JobScheduler);
    record = new RecordProviderEventUseCase(
      webhookVerifier(),
      payments as unknown as PaymentsRepository,
      clock,
      new InMemoryAccountClocks(clock),
      dunning,
      new RefundSettlement(
        refunds as unknown as RefundsRepository,
        payments as unknown as PaymentsRepository,
        new InMemoryAccountClocks(clock),
      ),
    );
    accountId = randomUUID();
    payments.customers.set(accountId, {
      accountId,
      providerCustomerId: 'cus_saved',
      defaultPaymentMethodId: 'pm_saved',
      defaultPaymentMethodType: 'sepa_debit',
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
  });

  /** A payment collected (in its own unit of work) as Stripe answers it; its PaymentIntent as the webhook carries it. */
  async function collected(behaviour: ChargeBehaviour) {
    stripe.nextCharge = behaviour;
    const draftId = randomUUID();
    const command = CollectPaymentCommand.create({
      accountId,
      draftId,
      requestedAt: clock.now().toISOString(),
      currency: 'EUR',
      amountDueMinor: 9900,
      paymentMethod: 'sepa_debit',
      description: 'Obolus Pro, December 2026',
    });
    await new CollectPaymentUseCase(
      stripe,
      payments as unknown as PaymentsRepository,
      new InMemoryAccountClocks(clock),
      dunning,
      new AwaitBankTransferUseCase(
        new InMemoryBankTransfers(payments) as unknown as BankTransfersRepository,
        new InMemoryAccountClocks(clock),
      ),
      new SavedMethods(payments as unknown as PaymentsRepository),
    ).execute(command, new RecordingUnitOfWork(clock));
    const paymentId = nameBasedUuid('obolus.payments.payment-for-draft', draftId);
    return { paymentId, draftId, intent: stripe.intentOf(`obolus-draft-${draftId}`) };
  }

  it('settles a debit when Stripe signs its success, and announces payment.succeeded', async () => {
    const { paymentId, draftId, intent } = await collected('processing');
    clock.set('2026-11-29T08:00:00Z');
    const uow = new RecordingUnitOfWork(clock);
    await expect(record.execute(signedWebhook('payment_intent.succeeded', intent), uow)).resolves.toEqual({
      received: true,
      duplicate: false,
    });
    expect(payments.payments.get(paymentId)).toMatchObject({ status: 'succeeded', providerPaymentId: intent.id });
    expect(uow.dataOf(PaymentSucceededV1)).toEqual([
      {
        accountId,
        paymentId,
        draftId,
        amountMinor: 9900,
        currency: 'EUR',
        provider: 'stripe',
        providerPaymentId: intent.id,
        paymentMethod: 'sepa_debit',
        succeededAt: '2026-11-29T08:00:00.000Z',
      },
    ]);
  });

  it('settles a debit Stripe reports failed as failed, and announces payment.failed', async () => {
    const { paymentId, intent } = await collected('processing');
    const failed = {
      ...intent,
      status: 'requires_payment_method',
      last_payment_error: { code: 'debit_not_authorized', message: 'The mandate was revoked.' },
    };
    const uow = new RecordingUnitOfWork(clock);
    await record.execute(signedWebhook('payment_intent.payment_failed', failed), uow);
    expect(payments.payments.get(paymentId)).toMatchObject({ status: 'failed', failureCode: 'debit_not_authorized' });
    expect(uow.dataOf(PaymentFailedV1)).toEqual([
      expect.objectContaining({ paymentId, failureCode: 'debit_not_authorized', failureMessage: 'The mandate was revoked.' }),
    ]);
  });

  it("only confirms a card charge already settled from Stripe's answer: no second event", async () => {
    const { paymentId, intent } = await collected('succeeds');
    const before = payments.payments.get(paymentId);
    const uow = new RecordingUnitOfWork(clock);
    await expect(record.execute(signedWebhook('payment_intent.succeeded', intent), uow)).resolves.toEqual({
      received: true,
      duplicate: false,
    });
    expect(uow.emitted).toEqual([]);
    expect(payments.payments.get(paymentId)).toEqual(before);
  });

  it('records an event delivered twice once, and answers the second as a duplicate', async () => {
    const { intent } = await collected('processing');
    const webhook = signedWebhook('payment_intent.succeeded', intent, { id: 'evt_twice' });
    const uow = new RecordingUnitOfWork(clock);
    await record.execute(webhook, uow);
    await expect(record.execute(webhook, uow)).resolves.toEqual({ received: true, duplicate: true });
    expect(uow.dataOf(PaymentSucceededV1)).toHaveLength(1);
    expect(payments.providerEvents.size).toBe(1);
  });

  it('asks Stripe to retry (unavailable) a payment whose charge has not committed yet', async () => {
    const paymentId = randomUUID();
    const webhook = signedWebhook('payment_intent.succeeded', {
      id: 'pi_early',
      object: 'payment_intent',
      metadata: { account_id: accountId, payment_id: paymentId },
    });
    await expect(record.execute(webhook, new RecordingUnitOfWork(clock))).rejects.toMatchObject({
      code: PaymentsErrorCode.PaymentNotYetRecorded,
      kind: 'unavailable',
      message: `payment ${paymentId} is not recorded yet`,
    });
  });

  it("makes a confirmed SetupIntent's method the account's default", async () => {
    const setup = {
      id: 'seti_1',
      object: 'setup_intent',
      customer: 'cus_saved',
      payment_method: 'pm_new_card',
      payment_method_types: ['card'],
      metadata: { account_id: accountId },
    };
    await record.execute(signedWebhook('setup_intent.succeeded', setup), new RecordingUnitOfWork(clock));
    expect(payments.customers.get(accountId)).toMatchObject({
      defaultPaymentMethodId: 'pm_new_card',
      defaultPaymentMethodType: 'card',
    });
  });

  it('keeps a bank debit set up with its mandate as the method of its type, beside the card', async () => {
    const setup = {
      id: 'seti_sepa',
      object: 'setup_intent',
      customer: 'cus_saved',
      payment_method: 'pm_sepa_new',
      payment_method_types: ['sepa_debit'],
      mandate: 'mandate_123',
      metadata: { account_id: accountId },
    };
    await record.execute(signedWebhook('setup_intent.succeeded', setup), new RecordingUnitOfWork(clock));
    expect(payments.savedMethods.get(`${accountId}/sepa_debit`)).toEqual({
      accountId,
      type: 'sepa_debit',
      providerMethodId: 'pm_sepa_new',
      mandateId: 'mandate_123',
      updatedAt: clock.now(),
    });
  });

  it('asks Stripe to retry a SetupIntent whose customer is not recorded yet', async () => {
    const setup = {
      id: 'seti_2',
      object: 'setup_intent',
      customer: 'cus_unknown',
      payment_method: 'pm_x',
      payment_method_types: ['card'],
      metadata: { account_id: accountId },
    };
    await expect(
      record.execute(signedWebhook('setup_intent.succeeded', setup), new RecordingUnitOfWork(clock)),
    ).rejects.toMatchObject({
      code: PaymentsErrorCode.CustomerNotYetRecorded,
      kind: 'unavailable',
    });
  });

  it('refuses a webhook signed with another secret, or not signed at all, and records nothing', async () => {
    const forged = signedWebhook('payment_intent.succeeded', { id: 'pi_x' }, { secret: 'whsec_other' });
    await expect(record.execute(forged, new RecordingUnitOfWork(clock))).rejects.toMatchObject({
      code: PaymentsErrorCode.WebhookSignatureInvalid,
      kind: 'invalid',
    });
    expect(() => RecordProviderEventCommand.create({ rawBody: Buffer.from('{}'), signature: undefined })).toThrow(
      expect.objectContaining({
        code: PaymentsErrorCode.WebhookSignatureMissing,
        message: 'a Stripe-Signature header and a body are required',
      }),
    );
    expect(payments.providerEvents.size).toBe(0);
  });

  it('refuses a signed event whose metadata does not name rows by UUID, naming the field', async () => {
    const webhook = signedWebhook('payment_intent.succeeded', {
      id: 'pi_x',
      metadata: { account_id: accountId, payment_id: "x'; --" },
    });
    await expect(record.execute(webhook, new RecordingUnitOfWork(clock))).rejects.toMatchObject({
      code: PaymentsErrorCode.WebhookEventInvalid,
      fields: [{ field: 'data.object.metadata.payment_id', reason: 'must be a UUID' }],
    });
    expect(payments.providerEvents.size).toBe(0);
  });
});
