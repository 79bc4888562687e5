import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AccountProfileEntity } from './entities/account-profile.entity';
import { CustomerEntity } from './entities/customer.entity';
import { PaymentEntity } from './entities/payment.entity';
import { SavedPaymentMethodEntity } from './entities/saved-payment-method.entity';

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

  /** Records the account's country once (account.created may be delivered again). */
  async saveAccountProfile({ manager }: UnitOfWork, profile: AccountProfileEntity): Promise<void> {
    await manager.createQueryBuilder().insert().into(AccountProfileEntity).values(profile).orIgnore().execute();
  }

  findAccountProfile({ manager }: UnitOfWork, accountId: string): Promise<AccountProfileEntity | null> {
    return manager.findOne(AccountProfileEntity, { where: { accountId } });
  }

  /** The account's saved method of this provider type (the latest set up replaces the one before). */
  async savePaymentMethod({ manager }: UnitOfWork, method: SavedPaymentMethodEntity): Promise<void> {
    await manager.upsert(SavedPaymentMethodEntity, method, ['accountId', 'type']);
  }

  findSavedPaymentMethod({ manager }: UnitOfWork, accountId: string, type: string): Promise<SavedPaymentMethodEntity | null> {
    return manager.findOne(SavedPaymentMethodEntity, { where: { accountId, type } });
  }

  /** The Stripe test clocks of the customers of the accounts living on an Obolus test clock. */
  async providerClocksOf({ manager }: UnitOfWork, clockId: string): Promise<string[]> {
    const rows: { provider_test_clock_id: string }[] = await manager.query(
      `SELECT c.provider_test_clock_id FROM payments.customers c
         JOIN payments.account_clocks a ON a.account_id = c.account_id
        WHERE a.clock_id = $1 AND c.provider_test_clock_id IS NOT NULL
        ORDER BY c.provider_test_clock_id`,
      [clockId],
    );
    return rows.map((row) => row.provider_test_clock_id);
  }
}
