import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { RefundEntity } from '../../entities/refund.entity';
import { RefundsRepository } from '../../refunds.repository';
import { InMemoryRefunds } from '../../test-support/in-memory-refunds';
import { ListRefundsCommand } from './list-refunds.command';
import { ListRefundsUseCase } from './list-refunds.use-case';

describe('ListRefundsUseCase', () => {
  const clock = new SettableClock(new Date('2026-12-03T10:00:00Z'));

  function row(accountId: string, at: string): RefundEntity {
    return {
      id: randomUUID(),
      accountId,
      paymentId: randomUUID(),
      idempotencyKey: `key-${at}`,
      amountMinor: 100,
      currency: 'EUR',
      reason: 'goodwill',
      status: 'succeeded',
      provider: 'stripe',
      providerRefundId: `re_${at}`,
      failureReason: null,
      requestedBy: 'staff:1',
      createdAt: new Date(at),
      updatedAt: new Date(at),
    };
  }

  it("lists only the account's refunds, newest first, without idempotency keys", async () => {
    const refunds = new InMemoryRefunds();
    const mine = randomUUID();
    const uow = new RecordingUnitOfWork(clock);
    await refunds.insertRefund(uow, row(mine, '2026-12-01T00:00:00Z'));
    await refunds.insertRefund(uow, row(mine, '2026-12-02T00:00:00Z'));
    await refunds.insertRefund(uow, row(randomUUID(), '2026-12-03T00:00:00Z'));
    const listed = await new ListRefundsUseCase(refunds as unknown as RefundsRepository).execute(
      ListRefundsCommand.create({ accountId: mine }),
      uow,
    );
    expect(listed.map((r) => r.providerRefundId)).toEqual(['re_2026-12-02T00:00:00Z', 're_2026-12-01T00:00:00Z']);
    expect(listed[0]).not.toHaveProperty('idempotencyKey');
  });
});
