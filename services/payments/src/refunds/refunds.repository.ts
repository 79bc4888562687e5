import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { RefundEntity } from './entities/refund.entity';

/** Refunds, always by account. */
@Injectable()
export class RefundsRepository {
  findByIdempotencyKey({ manager }: UnitOfWork, accountId: string, idempotencyKey: string): Promise<RefundEntity | null> {
    return manager.findOne(RefundEntity, { where: { accountId, idempotencyKey } });
  }

  /** The refund a provider event names, locked so two deliveries settle it once. */
  findByProviderId({ manager }: UnitOfWork, provider: string, providerRefundId: string): Promise<RefundEntity | null> {
    return manager.findOne(RefundEntity, {
      where: { provider: provider as RefundEntity['provider'], providerRefundId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** What is refunded or on its way back on a payment: the sum of its pending and succeeded refunds. */
  async refundedOrPending({ manager }: UnitOfWork, accountId: string, paymentId: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT COALESCE(SUM(amount_minor), 0)::bigint AS total FROM payments.refunds
        WHERE account_id = $1 AND payment_id = $2 AND status IN ('pending', 'succeeded')`,
      [accountId, paymentId],
    )) as { total: string }[];
    return Number(row.total);
  }

  /** What has succeeded on a payment so far. */
  async refunded({ manager }: UnitOfWork, accountId: string, paymentId: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT COALESCE(SUM(amount_minor), 0)::bigint AS total FROM payments.refunds
        WHERE account_id = $1 AND payment_id = $2 AND status = 'succeeded'`,
      [accountId, paymentId],
    )) as { total: string }[];
    return Number(row.total);
  }

  /** The account's refunds, newest first (at most 100). */
  listRefunds({ manager }: UnitOfWork, accountId: string): Promise<RefundEntity[]> {
    return manager.find(RefundEntity, { where: { accountId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  async insertRefund({ manager }: UnitOfWork, refund: RefundEntity): Promise<void> {
    await manager.insert(RefundEntity, refund);
  }

  async saveRefund({ manager }: UnitOfWork, refund: RefundEntity): Promise<void> {
    await manager.save(RefundEntity, refund);
  }
}
