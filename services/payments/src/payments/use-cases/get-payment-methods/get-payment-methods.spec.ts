import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { PaymentsRepository } from '../../payments.repository';
import { InMemoryPayments } from '../../test-support/in-memory-payments';
import { GetPaymentMethodsCommand } from './get-payment-methods.command';
import { GetPaymentMethodsUseCase } from './get-payment-methods.use-case';

describe('GetPaymentMethodsUseCase', () => {
  const at = new Date('2026-11-27T10:00:00Z');
  const payments = new InMemoryPayments();
  const get = new GetPaymentMethodsUseCase(payments as unknown as PaymentsRepository);
  const uow = new RecordingUnitOfWork();
  const customer = (accountId: string, method: string | null, type: string | null) =>
    payments.customers.set(accountId, {
      accountId,
      providerCustomerId: `cus_${accountId.slice(0, 8)}`,
      defaultPaymentMethodId: method,
      defaultPaymentMethodType: type,
      createdAt: at,
      updatedAt: at,
    });

  it('shows no default method for an account without a customer, or with a set-up not yet confirmed', async () => {
    const unknown = randomUUID();
    const pending = randomUUID();
    customer(pending, null, null);
    await expect(get.execute(GetPaymentMethodsCommand.create({ accountId: unknown }), uow)).resolves.toEqual({ default: null });
    await expect(get.execute(GetPaymentMethodsCommand.create({ accountId: pending }), uow)).resolves.toEqual({ default: null });
  });

  it('shows the saved method and its type, a card when the type was not recorded', async () => {
    const debit = randomUUID();
    const untyped = randomUUID();
    customer(debit, 'pm_sepa', 'sepa_debit');
    customer(untyped, 'pm_old', null);
    await expect(get.execute(GetPaymentMethodsCommand.create({ accountId: debit }), uow)).resolves.toEqual({
      default: { id: 'pm_sepa', type: 'sepa_debit' },
    });
    await expect(get.execute(GetPaymentMethodsCommand.create({ accountId: untyped }), uow)).resolves.toEqual({
      default: { id: 'pm_old', type: 'card' },
    });
  });
});
