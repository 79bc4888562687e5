import { PaymentFailedV1, PaymentSucceededV1 } from '@obolus/contracts';
import { nameBasedUuid } from '@obolus/platform';
import { InvalidCommandError } from '@obolus/platform';
import { JobScheduler } from '@obolus/messaging';
import { InMemoryAccountClocks, InMemoryJobScheduler, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { BankTransfersRepository } from '../../../bank-transfers/bank-transfers.repository';
import { InMemoryBankTransfers } from '../../../bank-transfers/test-support/in-memory-bank-transfers';
import { AwaitBankTransferCommand } from '../../../bank-transfers/use-cases/await-bank-transfer/await-bank-transfer.command';
import { AwaitBankTransferUseCase } from '../../../bank-transfers/use-cases/await-bank-transfer/await-bank-transfer.use-case';
import { Dunning } from '../../dunning';
import { randomUUID } from 'node:crypto';
import { PaymentsRepository } from '../../payments.repository';
import { SavedMethods } from '../../saved-methods';
import { InMemoryPayments } from '../../test-support/in-memory-payments';
import { InMemoryStripe } from '../../test-support/in-memory-stripe';
import { CollectPaymentCommand, CollectPaymentInput } from './collect-payment.command';
import { CollectPaymentUseCase } from './collect-payment.use-case';

describe('CollectPaymentUseCase', () => {
  const clock = new SettableClock(new Date('2026-11-27T10:00:00Z'));
  let payments: InMemoryPayments;
  let stripe: InMemoryStripe;
  let collect: CollectPaymentUseCase;
  let jobs: InMemoryJobScheduler;
  let uow: RecordingUnitOfWork;
  let accountId: string;
  let awaitTransfer: AwaitBankTransferUseCase;

  beforeEach(() => {
    payments = new InMemoryPayments();
    stripe = new InMemoryStripe();
    jobs = new InMemoryJobScheduler();
    awaitTransfer = new AwaitBankTransferUseCase(
      new InMemoryBankTransfers(payments) as unknown as BankTransfersRepository,
      new InMemoryAccountClocks(clock),
    );
    collect = new CollectPaymentUseCase(
      stripe,
      payments as unknown as PaymentsRepository,
      new InMemoryAccountClocks(clock),
      new Dunning(jobs as unknown as JobScheduler),
      awaitTransfer,
      new SavedMethods(payments as unknown as PaymentsRepository),
    );
    uow = new RecordingUnitOfWork(clock);
    accountId = randomUUID();
    payments.customers.set(accountId, {
      accountId,
      providerCustomerId: 'cus_saved',
      defaultPaymentMethodId: 'pm_card_visa',
      defaultPaymentMethodType: 'card',
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
  });

  const request = (fields: Partial<CollectPaymentInput> = {}) =>
    CollectPaymentCommand.create({
      accountId,
      draftId: randomUUID(),
      requestedAt: clock.now().toISOString(),
      currency: 'EUR',
      amountDueMinor: 14040,
      paymentMethod: 'card',
      description: 'Obolus Ultimate, December 2026',
      ...fields,
    });

  it('charges the saved card for the amount due, records it succeeded and announces payment.succeeded at once', async () => {
    const command = request();
    await collect.execute(command, uow);
    const paymentId = nameBasedUuid('obolus.payments.payment-for-draft', command.draftId);
    const charge = stripe.paymentIntents.get(`obolus-draft-${command.draftId}`)!;
    expect(charge.params).toMatchObject({
      amount: 14040,
      currency: 'eur',
      customer: 'cus_saved',
      payment_method: 'pm_card_visa',
      allowed_payment_method_types: ['card'],
      off_session: true,
      confirm: true,
      metadata: { account_id: accountId, draft_id: command.draftId, payment_id: paymentId },
    });
    const intentId = charge.answer.intent!.id;
    expect(payments.payments.get(paymentId)).toMatchObject({
      status: 'succeeded',
      amountMinor: 14040,
      providerPaymentId: intentId,
    });
    expect(uow.dataOf(PaymentSucceededV1)).toEqual([
      {
        accountId,
        paymentId,
        draftId: command.draftId,
        amountMinor: 14040,
        currency: 'EUR',
        provider: 'stripe',
        providerPaymentId: intentId,
        paymentMethod: 'card',
        succeededAt: '2026-11-27T10:00:00.000Z',
      },
    ]);
  });

  it('records a declined card as failed with the decline, and announces payment.failed', async () => {
    stripe.nextCharge = 'declines';
    const command = request();
    await collect.execute(command, uow);
    expect(uow.dataOf(PaymentFailedV1)).toEqual([
      expect.objectContaining({
        draftId: command.draftId,
        failureCode: 'insufficient_funds',
        failureMessage: 'Your card has insufficient funds.',
      }),
    ]);
    expect([...payments.payments.values()]).toEqual([
      expect.objectContaining({ status: 'failed', failureCode: 'insufficient_funds' }),
    ]);
  });

  it('leaves a bank debit processing, with its PaymentIntent, for the webhook to settle', async () => {
    stripe.nextCharge = 'processing';
    payments.savedMethods.set(`${accountId}/sepa_debit`, {
      accountId,
      type: 'sepa_debit',
      providerMethodId: 'pm_sepa',
      mandateId: 'mandate_sepa',
      updatedAt: clock.now(),
    });
    await collect.execute(request({ paymentMethod: 'sepa_debit' }), uow);
    expect([...payments.payments.values()]).toEqual([
      expect.objectContaining({
        status: 'processing',
        paymentMethod: 'sepa_debit',
        providerPaymentId: expect.stringMatching(/^pi_/),
      }),
    ]);
    expect(uow.emitted).toEqual([]);
  });

  it('fails at once, without asking Stripe, when the account has no saved payment method', async () => {
    payments.customers.clear();
    const command = request();
    await collect.execute(command, uow);
    expect(stripe.paymentIntents.size).toBe(0);
    expect(uow.dataOf(PaymentFailedV1)).toEqual([
      expect.objectContaining({
        draftId: command.draftId,
        failureCode: 'no_payment_method',
        failureMessage: 'the account has no saved card payment method',
      }),
    ]);
  });

  it("charges the method of the subscription's kind under its mandate, not the account's default card", async () => {
    stripe.nextCharge = 'processing';
    payments.savedMethods.set(`${accountId}/sepa_debit`, {
      accountId,
      type: 'sepa_debit',
      providerMethodId: 'pm_sepa',
      mandateId: 'mandate_sepa',
      updatedAt: clock.now(),
    });
    const command = request({ paymentMethod: 'sepa_debit' });
    await collect.execute(command, uow);
    expect(stripe.paymentIntents.get(`obolus-draft-${command.draftId}`)?.params).toMatchObject({
      customer: 'cus_saved',
      payment_method: 'pm_sepa',
      allowed_payment_method_types: ['sepa_debit'],
      mandate: 'mandate_sepa',
      off_session: true,
    });
  });

  it('fails an ACH payment without asking Stripe when the account saved a card only', async () => {
    const command = request({ paymentMethod: 'ach_debit', currency: 'USD' });
    await collect.execute(command, uow);
    expect(stripe.paymentIntents.size).toBe(0);
    expect(uow.dataOf(PaymentFailedV1)).toEqual([
      expect.objectContaining({
        failureCode: 'no_payment_method',
        failureMessage: 'the account has no saved ach_debit payment method',
      }),
    ]);
  });

  it('charges a request delivered twice once, and announces it once', async () => {
    const command = request();
    await collect.execute(command, uow);
    await collect.execute(command, uow);
    expect(stripe.paymentIntents.size).toBe(1);
    expect(payments.payments.size).toBe(1);
    expect(uow.dataOf(PaymentSucceededV1)).toHaveLength(1);
  });

  it('records a bank transfer as awaited: processing, provider bank, its reference and amount, no charge', async () => {
    const command = request({ paymentMethod: 'bank_transfer', transferReference: 'RF18539007547034', amountDueMinor: 118_800 });
    await collect.execute(command, uow);
    expect(stripe.paymentIntents.size).toBe(0);
    expect(uow.emitted).toEqual([]);
    expect([...payments.payments.values()]).toEqual([
      expect.objectContaining({
        id: nameBasedUuid('obolus.payments.payment-for-draft', command.draftId),
        status: 'processing',
        provider: 'bank',
        paymentMethod: 'bank_transfer',
        transferReference: 'RF18539007547034',
        amountMinor: 118_800,
        currency: 'EUR',
        receivedMinor: 0,
        excessMinor: 0,
        providerPaymentId: null,
      }),
    ]);
  });

  it('records a redelivered bank-transfer request once, and keeps the buyer a proforma gave first', async () => {
    const command = request({ paymentMethod: 'bank_transfer', transferReference: 'RF18539007547034' });
    await awaitTransfer.execute(
      AwaitBankTransferCommand.create({
        accountId,
        draftId: command.draftId,
        amountMinor: command.amountDueMinor,
        currency: 'EUR',
        transferReference: 'RF18539007547034',
        buyerName: 'Atelier Durand SARL',
        proformaNumber: 'PF-2026/000001',
        requestedAt: command.requestedAt,
      }),
      uow,
    );
    await collect.execute(command, uow);
    await collect.execute(command, uow);
    expect([...payments.payments.values()]).toEqual([
      expect.objectContaining({ status: 'processing', buyerName: 'Atelier Durand SARL', proformaNumber: 'PF-2026/000001' }),
    ]);
  });

  it('leaves a bank transfer without a reference, and PayPal, alone: no payment, no charge', async () => {
    await collect.execute(request({ paymentMethod: 'bank_transfer' }), uow);
    await collect.execute(request({ paymentMethod: 'paypal' }), uow);
    expect(payments.payments.size).toBe(0);
    expect(stripe.paymentIntents.size).toBe(0);
  });

  it('refuses a transfer reference whose check digits do not hold', () => {
    expect(() => request({ paymentMethod: 'bank_transfer', transferReference: 'RF19539007547034' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'transferReference' })] }),
    );
  });

  it('lets an unreachable Stripe throw (the event is retried) and announces nothing', async () => {
    stripe.nextCharge = 'unreachable';
    await expect(collect.execute(request(), uow)).rejects.toThrow(/unreachable/);
    expect(uow.emitted).toEqual([]);
  });

  it('refuses a request whose draft is not a UUID, naming the field', () => {
    expect(() => request({ draftId: 'draft-1' })).toThrow(InvalidCommandError);
    expect(() => request({ draftId: 'draft-1' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'draftId' })] }),
    );
  });
});
