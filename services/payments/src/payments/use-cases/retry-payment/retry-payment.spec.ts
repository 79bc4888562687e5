import { PaymentFailedV1, PaymentSucceededV1 } from '@obolus/contracts';
import { JobScheduler } from '@obolus/messaging';
import { nameBasedUuid } from '@obolus/platform';
import { InMemoryAccountClocks, InMemoryJobScheduler, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { Dunning, DUNNING_RETRY_JOB, retryJobKey } from '../../dunning';
import { PaymentsRepository } from '../../payments.repository';
import { SavedMethods } from '../../saved-methods';
import { InMemoryPayments } from '../../test-support/in-memory-payments';
import { InMemoryStripe } from '../../test-support/in-memory-stripe';
import { CollectPaymentCommand } from '../collect-payment/collect-payment.command';
import { CollectPaymentUseCase } from '../collect-payment/collect-payment.use-case';
import { RetryPaymentCommand } from './retry-payment.command';
import { RetryPaymentUseCase } from './retry-payment.use-case';

describe('dunning (P4): retries on days 3, 5 and 7, then the payment is exhausted', () => {
  const clock = new SettableClock(new Date('2027-03-01T09:00:00Z'));
  let payments: InMemoryPayments;
  let stripe: InMemoryStripe;
  let jobs: InMemoryJobScheduler;
  let collect: CollectPaymentUseCase;
  let retry: RetryPaymentUseCase;
  let accountId: string;

  beforeEach(() => {
    clock.set('2027-03-01T09:00:00Z');
    payments = new InMemoryPayments();
    stripe = new InMemoryStripe();
    jobs = new InMemoryJobScheduler();
    const clocks = new InMemoryAccountClocks(clock);
    const dunning = new Dunning(jobs as unknown as JobScheduler);
    const awaitTransfer = new AwaitBankTransferUseCase(
      new InMemoryBankTransfers(payments) as unknown as BankTransfersRepository,
      clocks,
    );
    const savedMethods = new SavedMethods(payments as unknown as PaymentsRepository);
    collect = new CollectPaymentUseCase(
      stripe,
      payments as unknown as PaymentsRepository,
      clocks,
      dunning,
      awaitTransfer,
      savedMethods,
    );
    retry = new RetryPaymentUseCase(stripe, payments as unknown as PaymentsRepository, clocks, dunning, savedMethods);
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

  async function failedFirstTry() {
    stripe.nextCharge = 'declines';
    const draftId = randomUUID();
    const uow = new RecordingUnitOfWork(clock);
    await collect.execute(
      CollectPaymentCommand.create({
        accountId,
        draftId,
        requestedAt: clock.now().toISOString(),
        currency: 'EUR',
        amountDueMinor: 11700,
        paymentMethod: 'card',
        description: 'Dream Team (monthly), 2027-03-01 – 2027-03-30',
      }),
      uow,
    );
    return { paymentId: nameBasedUuid('obolus.payments.payment-for-draft', draftId), uow };
  }

  async function runDue(paymentId: string, attempt: number) {
    const job = jobs.pending(DUNNING_RETRY_JOB, retryJobKey(paymentId, attempt))!;
    clock.set(job.dueAt.toISOString());
    const uow = new RecordingUnitOfWork(clock);
    await retry.execute(RetryPaymentCommand.create({ accountId, paymentId, attempt, dueAt: job.dueAt }), uow);
    return uow;
  }

  it('plans day 3, 5 and 7 after the first failure, tells each time, and gives up after the fourth try', async () => {
    const { paymentId, uow } = await failedFirstTry();
    expect(uow.dataOf(PaymentFailedV1)[0]).toMatchObject({ attempt: 1, nextRetryAt: '2027-03-04T09:00:00.000Z', final: false });

    const dues: string[] = [];
    for (const attempt of [2, 3, 4]) {
      dues.push(jobs.pending(DUNNING_RETRY_JOB, retryJobKey(paymentId, attempt))!.dueAt.toISOString());
      stripe.nextCharge = 'declines';
      const tried = await runDue(paymentId, attempt);
      const [failed] = tried.dataOf(PaymentFailedV1);
      expect(failed).toMatchObject({ attempt, final: attempt === 4 });
    }
    expect(dues).toEqual(['2027-03-04T09:00:00.000Z', '2027-03-06T09:00:00.000Z', '2027-03-08T09:00:00.000Z']);
    expect(payments.payments.get(paymentId)).toMatchObject({
      status: 'failed',
      attempts: 4,
      dunning: 'exhausted',
      nextRetryAt: null,
    });
    expect(jobs.pending(DUNNING_RETRY_JOB, retryJobKey(paymentId, 5))).toBeUndefined();
    // Each try charged under its own idempotency key.
    expect(stripe.intentOf(`obolus-draft-${payments.payments.get(paymentId)!.draftId}-try-4`).status).toBe(
      'requires_payment_method',
    );
  });

  it('issues the invoice when a retry succeeds, and a leftover or repeated job then does nothing', async () => {
    const { paymentId } = await failedFirstTry();
    stripe.nextCharge = 'succeeds';
    const tried = await runDue(paymentId, 2);
    expect(tried.dataOf(PaymentSucceededV1)).toHaveLength(1);
    expect(payments.payments.get(paymentId)).toMatchObject({ status: 'succeeded', attempts: 2, dunning: null });
    const again = new RecordingUnitOfWork(clock);
    await retry.execute(RetryPaymentCommand.create({ accountId, paymentId, attempt: 2, dueAt: clock.now() }), again);
    expect(again.emitted).toHaveLength(0);
  });
});
import { BankTransfersRepository } from '../../../bank-transfers/bank-transfers.repository';
import { InMemoryBankTransfers } from '../../../bank-transfers/test-support/in-memory-bank-transfers';
import { AwaitBankTransferUseCase } from '../../../bank-transfers/use-cases/await-bank-transfer/await-bank-transfer.use-case';
