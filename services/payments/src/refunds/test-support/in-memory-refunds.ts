import { UnitOfWork } from '@obolus/messaging';
import { RefundEntity } from '../entities/refund.entity';
import { RefundsRepository } from '../refunds.repository';

/** payments.refunds in memory, with the table's unique keys, for use-case specs. */
export class InMemoryRefunds implements Pick<RefundsRepository, keyof RefundsRepository> {
  readonly rows = new Map<string, RefundEntity>();

  async findByIdempotencyKey(_uow: UnitOfWork, accountId: string, idempotencyKey: string): Promise<RefundEntity | null> {
    const row = [...this.rows.values()].find((r) => r.accountId === accountId && r.idempotencyKey === idempotencyKey);
    return row ? { ...row } : null;
  }

  async findByProviderId(_uow: UnitOfWork, provider: string, providerRefundId: string): Promise<RefundEntity | null> {
    const row = [...this.rows.values()].find((r) => r.provider === provider && r.providerRefundId === providerRefundId);
    return row ? { ...row } : null;
  }

  async refundedOrPending(_uow: UnitOfWork, accountId: string, paymentId: string): Promise<number> {
    return this.sum(accountId, paymentId, ['pending', 'succeeded']);
  }

  async refunded(_uow: UnitOfWork, accountId: string, paymentId: string): Promise<number> {
    return this.sum(accountId, paymentId, ['succeeded']);
  }

  async listRefunds(_uow: UnitOfWork, accountId: string): Promise<RefundEntity[]> {
    return [...this.rows.values()]
      .filter((r) => r.accountId === accountId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((r) => ({ ...r }));
  }

  async insertRefund(_uow: UnitOfWork, refund: RefundEntity): Promise<void> {
    if (this.rows.has(refund.id)) throw new Error(`duplicate key: refund ${refund.id}`);
    const sameKey = [...this.rows.values()].some(
      (r) => r.accountId === refund.accountId && r.idempotencyKey === refund.idempotencyKey,
    );
    if (sameKey) throw new Error(`duplicate key: idempotency key ${refund.idempotencyKey}`);
    this.rows.set(refund.id, { ...refund });
  }

  async saveRefund(_uow: UnitOfWork, refund: RefundEntity): Promise<void> {
    this.rows.set(refund.id, { ...refund });
  }

  private sum(accountId: string, paymentId: string, statuses: string[]): number {
    return [...this.rows.values()]
      .filter((r) => r.accountId === accountId && r.paymentId === paymentId && statuses.includes(r.status))
      .reduce((total, r) => total + r.amountMinor, 0);
  }
}
