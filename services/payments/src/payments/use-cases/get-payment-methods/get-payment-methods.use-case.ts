import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { PaymentsRepository } from '../../payments.repository';
import { GetPaymentMethodsCommand } from './get-payment-methods.command';

export interface PaymentMethods {
  /** The method charged off-session, null until one is saved. */
  default: { id: string; type: string } | null;
}

/** The account's saved payment method, as its page shows it. */
@Injectable()
export class GetPaymentMethodsUseCase {
  constructor(private readonly payments: PaymentsRepository) {}

  async execute(command: GetPaymentMethodsCommand, uow: UnitOfWork): Promise<PaymentMethods> {
    const customer = await this.payments.findCustomer(uow, command.accountId);
    return {
      default: customer?.defaultPaymentMethodId
        ? { id: customer.defaultPaymentMethodId, type: customer.defaultPaymentMethodType ?? 'card' }
        : null,
    };
  }
}
