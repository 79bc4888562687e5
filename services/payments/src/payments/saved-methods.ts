import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { PROVIDER_METHOD_TYPE } from './debit-methods';
import { PaymentsRepository } from './payments.repository';

/** A saved method, ready to charge off-session at Stripe. */
export interface ChargeableMethod {
  customerId: string;
  id: string;
  /** Stripe's PaymentMethod type. */
  type: string;
  /** A bank debit's mandate; null for a card. */
  mandateId: string | null;
}

/**
 * Which saved method pays for a payment: the account's method of the kind the subscription was bought
 * with (card, sepa_debit, ach_debit as us_bank_account), not its default. An account whose methods were
 * saved before methods were kept by type falls back on its default when it is of that type.
 */
@Injectable()
export class SavedMethods {
  constructor(private readonly payments: PaymentsRepository) {}

  async forPayment(uow: UnitOfWork, accountId: string, kind: string): Promise<ChargeableMethod | null> {
    const type = PROVIDER_METHOD_TYPE[kind as keyof typeof PROVIDER_METHOD_TYPE];
    const customer = await this.payments.findCustomer(uow, accountId);
    if (!type || !customer) return null;
    const saved = await this.payments.findSavedPaymentMethod(uow, accountId, type);
    if (saved) return { customerId: customer.providerCustomerId, id: saved.providerMethodId, type, mandateId: saved.mandateId };
    if (customer.defaultPaymentMethodId && (customer.defaultPaymentMethodType ?? 'card') === type) {
      return { customerId: customer.providerCustomerId, id: customer.defaultPaymentMethodId, type, mandateId: null };
    }
    return null;
  }
}
