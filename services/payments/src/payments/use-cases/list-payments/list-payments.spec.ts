import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { PaymentEntity } from '../../entities/payment.entity';
import { PaymentsRepository } from '../../payments.repository';
import { InMemoryPayments } from '../../test-support/in-memory-payments';
import { ListPaymentsCommand } from './list-payments.command';
import { ListPaymentsUseCase } from './list-payments.use-case';

describe('ListPaymentsUseCase', () => {
  const payments = new InMemoryPayments();
  const list = new ListPaymentsUseCase(payments as unknown as PaymentsRepository);
  const payment = (accountId: string, createdAt: string, amountMinor: number): PaymentEntity => ({
    id: randomUUID(),
    accountId,
    draftId: randomUUID(),
    amountMinor,
    currency: 'EUR',
    paymentMethod: 'card',
    status: 'succeeded',
    provider: 'stripe',
    providerPaymentId: 'pi_1',
    failureCode: null,
    failureMessage: null,
    traceHeaders: {},
    attempts: 1,
    firstFailedAt: null,
    nextRetryAt: null,
    dunning: null,
    createdAt: new Date(createdAt),
    updatedAt: new Date(createdAt),
  });

  it("lists only the account's own payments, newest first", async () => {
    const mine = randomUUID();
    for (const p of [
      payment(mine, '2026-10-01T00:00:00Z', 100),
      payment(randomUUID(), '2026-10-15T00:00:00Z', 999),
      payment(mine, '2026-11-01T00:00:00Z', 200),
    ])
      payments.payments.set(p.id, p);
    const listed = await list.execute(ListPaymentsCommand.create({ accountId: mine }), new RecordingUnitOfWork());
    expect(listed.map((p) => p.amountMinor)).toEqual([200, 100]);
  });

  it('refuses an account id that is not a UUID', () => {
    expect(() => ListPaymentsCommand.create({ accountId: 'acct' })).toThrow(expect.objectContaining({ code: 'INVALID_COMMAND' }));
  });
});
