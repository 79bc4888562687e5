import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerEntity } from './entities/customer.entity';
import { PaymentEntity } from './entities/payment.entity';

@Injectable()
export class PaymentsRepository {
  findCustomer(manager: EntityManager, accountId: string): Promise<CustomerEntity | null> {
    return manager.findOne(CustomerEntity, { where: { accountId } });
  }

  async saveCustomer(manager: EntityManager, customer: CustomerEntity): Promise<void> {
    await manager.upsert(CustomerEntity, customer, ['accountId']);
  }

  async setDefaultPaymentMethod(
    manager: EntityManager,
    providerCustomerId: string,
    methodId: string,
    methodType: string,
    at: Date,
  ): Promise<number> {
    const result = await manager.update(
      CustomerEntity,
      { providerCustomerId },
      { defaultPaymentMethodId: methodId, defaultPaymentMethodType: methodType, updatedAt: at },
    );
    return result.affected ?? 0;
  }

  findPaymentForDraft(manager: EntityManager, accountId: string, draftId: string): Promise<PaymentEntity | null> {
    return manager.findOne(PaymentEntity, { where: { accountId, draftId } });
  }

  findPayment(manager: EntityManager, accountId: string, paymentId: string, lock = false): Promise<PaymentEntity | null> {
    return manager.findOne(PaymentEntity, {
      where: { accountId, id: paymentId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  listPayments(manager: EntityManager, accountId: string): Promise<PaymentEntity[]> {
    return manager.find(PaymentEntity, { where: { accountId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  insertPayment(manager: EntityManager, payment: PaymentEntity): Promise<unknown> {
    return manager.insert(PaymentEntity, payment);
  }

  savePayment(manager: EntityManager, payment: PaymentEntity): Promise<PaymentEntity> {
    return manager.save(PaymentEntity, payment);
  }

  /** True the first time this provider event is seen. */
  async recordProviderEvent(
    manager: EntityManager,
    provider: string,
    eventId: string,
    type: string,
    payload: unknown,
    at: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO payments.provider_events (provider, event_id, type, payload, received_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING event_id`,
      [provider, eventId, type, JSON.stringify(payload), at],
    );
    return rows.length > 0;
  }
}
