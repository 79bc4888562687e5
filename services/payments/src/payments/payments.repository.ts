import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { CustomerEntity } from './entities/customer.entity';
import { PaymentEntity } from './entities/payment.entity';

/** An account's Stripe customer, its payments, and the provider events received, always by account. */
@Injectable()
export class PaymentsRepository {
  findCustomer({ manager }: UnitOfWork, accountId: string): Promise<CustomerEntity | null> {
    return manager.findOne(CustomerEntity, { where: { accountId } });
  }

  async saveCustomer({ manager }: UnitOfWork, customer: CustomerEntity): Promise<void> {
    await manager.upsert(CustomerEntity, customer, ['accountId']);
  }

  /** Sets the default method of the account's customer at the provider; the number of rows changed (0 or 1). */
  async setDefaultPaymentMethod(
    { manager }: UnitOfWork,
    accountId: string,
    providerCustomerId: string,
    method: { id: string; type: string },
    at: Date,
  ): Promise<number> {
    const result = await manager.update(
      CustomerEntity,
      { accountId, providerCustomerId },
      { defaultPaymentMethodId: method.id, defaultPaymentMethodType: method.type, updatedAt: at },
    );
    return result.affected ?? 0;
  }

  findPaymentForDraft({ manager }: UnitOfWork, accountId: string, draftId: string): Promise<PaymentEntity | null> {
    return manager.findOne(PaymentEntity, { where: { accountId, draftId } });
  }

  findPayment({ manager }: UnitOfWork, accountId: string, paymentId: string, lock = false): Promise<PaymentEntity | null> {
    return manager.findOne(PaymentEntity, {
      where: { accountId, id: paymentId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The account's latest 100 payments, newest first. */
  listPayments({ manager }: UnitOfWork, accountId: string): Promise<PaymentEntity[]> {
    return manager.find(PaymentEntity, { where: { accountId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  async insertPayment({ manager }: UnitOfWork, payment: PaymentEntity): Promise<void> {
    await manager.insert(PaymentEntity, payment);
  }

  async savePayment({ manager }: UnitOfWork, payment: PaymentEntity): Promise<void> {
    await manager.save(PaymentEntity, payment);
  }

  /** True the first time this provider event is seen. */
  async recordProviderEvent(
    { manager }: UnitOfWork,
    event: { provider: string; id: string; type: string; payload: unknown },
    at: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO payments.provider_events (provider, event_id, type, payload, received_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING event_id`,
      [event.provider, event.id, event.type, JSON.stringify(event.payload), at],
    );
    return rows.length > 0;
  }

  /** The account's payments waiting for their next try (P4). */
  findRetrying({ manager }: UnitOfWork, accountId: string): Promise<PaymentEntity[]> {
    return manager.find(PaymentEntity, { where: { accountId, dunning: 'retrying' } });
  }
}
