import { UnitOfWork } from '@obolus/messaging';
import { InMemoryPayments } from '../../payments/test-support/in-memory-payments';
import { PaymentEntity } from '../../payments/entities/payment.entity';
import { PaypalPaymentsRepository } from '../paypal-payments.repository';

/** PaypalPaymentsRepository over the payments of an InMemoryPayments, for use-case specs. */
export class InMemoryPaypalPayments implements Pick<PaypalPaymentsRepository, keyof PaypalPaymentsRepository> {
  constructor(private readonly payments: InMemoryPayments) {}

  async findByOrder(_uow: UnitOfWork, orderId: string): Promise<PaymentEntity | null> {
    const row = [...this.payments.payments.values()].find((p) => p.provider === 'paypal' && p.providerOrderId === orderId);
    return row ? { ...row } : null;
  }
}
