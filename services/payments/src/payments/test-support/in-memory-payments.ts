import { UnitOfWork } from '@obolus/messaging';
import { AccountProfileEntity } from '../entities/account-profile.entity';
import { CustomerEntity } from '../entities/customer.entity';
import { PaymentEntity } from '../entities/payment.entity';
import { SavedPaymentMethodEntity } from '../entities/saved-payment-method.entity';
import { PaymentsRepository } from '../payments.repository';

/** payments' tables in memory (customers by account, payments by id, provider events by id), for use-case specs. */
export class InMemoryPayments implements Pick<PaymentsRepository, keyof PaymentsRepository> {
  readonly customers = new Map<string, CustomerEntity>();
  readonly payments = new Map<string, PaymentEntity>();
  readonly providerEvents = new Map<string, { type: string; payload: unknown; receivedAt: Date }>();
  readonly profiles = new Map<string, AccountProfileEntity>();
  /** By `${accountId}/${type}`. */
  readonly savedMethods = new Map<string, SavedPaymentMethodEntity>();
  /** Which accounts live on which Obolus test clock (account_clocks). */
  readonly accountClocks = new Map<string, string>();

  async findCustomer(_uow: UnitOfWork, accountId: string): Promise<CustomerEntity | null> {
    const row = this.customers.get(accountId);
    return row ? { ...row } : null;
  }

  async saveCustomer(_uow: UnitOfWork, customer: CustomerEntity): Promise<void> {
    this.customers.set(customer.accountId, { ...customer });
  }

  async setDefaultPaymentMethod(
    _uow: UnitOfWork,
    accountId: string,
    providerCustomerId: string,
    method: { id: string; type: string },
    at: Date,
  ): Promise<number> {
    const row = this.customers.get(accountId);
    if (!row || row.providerCustomerId !== providerCustomerId) return 0;
    this.customers.set(accountId, {
      ...row,
      defaultPaymentMethodId: method.id,
      defaultPaymentMethodType: method.type,
      updatedAt: at,
    });
    return 1;
  }

  async findPaymentForDraft(_uow: UnitOfWork, accountId: string, draftId: string): Promise<PaymentEntity | null> {
    const row = [...this.payments.values()].find((p) => p.accountId === accountId && p.draftId === draftId);
    return row ? { ...row } : null;
  }

  async findPayment(_uow: UnitOfWork, accountId: string, paymentId: string): Promise<PaymentEntity | null> {
    const row = this.payments.get(paymentId);
    return row && row.accountId === accountId ? { ...row } : null;
  }

  async listPayments(_uow: UnitOfWork, accountId: string): Promise<PaymentEntity[]> {
    return [...this.payments.values()]
      .filter((p) => p.accountId === accountId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, 100)
      .map((p) => ({ ...p }));
  }

  async insertPayment(_uow: UnitOfWork, payment: PaymentEntity): Promise<void> {
    if (this.payments.has(payment.id)) throw new Error(`duplicate key: payment ${payment.id}`);
    this.payments.set(payment.id, { ...payment });
  }

  async savePayment(_uow: UnitOfWork, payment: PaymentEntity): Promise<void> {
    this.payments.set(payment.id, { ...payment });
  }

  async recordProviderEvent(
    _uow: UnitOfWork,
    event: { provider: string; id: string; type: string; payload: unknown },
    at: Date,
  ): Promise<boolean> {
    const key = `${event.provider}/${event.id}`;
    if (this.providerEvents.has(key)) return false;
    this.providerEvents.set(key, { type: event.type, payload: event.payload, receivedAt: at });
    return true;
  }

  async findRetrying(_uow: UnitOfWork, accountId: string): Promise<PaymentEntity[]> {
    return [...this.payments.values()]
      .filter((p) => p.accountId === accountId && p.dunning === 'retrying')
      .map((p) => ({ ...p }));
  }

  async saveAccountProfile(_uow: UnitOfWork, profile: AccountProfileEntity): Promise<void> {
    if (!this.profiles.has(profile.accountId)) this.profiles.set(profile.accountId, { ...profile });
  }

  async findAccountProfile(_uow: UnitOfWork, accountId: string): Promise<AccountProfileEntity | null> {
    const row = this.profiles.get(accountId);
    return row ? { ...row } : null;
  }

  async savePaymentMethod(_uow: UnitOfWork, method: SavedPaymentMethodEntity): Promise<void> {
    this.savedMethods.set(`${method.accountId}/${method.type}`, { ...method });
  }

  async findSavedPaymentMethod(_uow: UnitOfWork, accountId: string, type: string): Promise<SavedPaymentMethodEntity | null> {
    const row = this.savedMethods.get(`${accountId}/${type}`);
    return row ? { ...row } : null;
  }

  async providerClocksOf(_uow: UnitOfWork, clockId: string): Promise<string[]> {
    return [...this.customers.values()]
      .filter((c) => this.accountClocks.get(c.accountId) === clockId && c.providerTestClockId)
      .map((c) => c.providerTestClockId as string)
      .sort();
  }
}
