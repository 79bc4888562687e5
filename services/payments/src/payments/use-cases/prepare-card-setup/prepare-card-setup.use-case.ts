import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { StripeGateway } from '../../../stripe/stripe-gateway';
import { PaymentsRepository } from '../../payments.repository';
import { PrepareCardSetupCommand } from './prepare-card-setup.command';

export interface CardSetup {
  setupIntentId: string;
  clientSecret: string;
  providerCustomerId: string;
}

/**
 * Starts saving a payment method for off-session charges: the account's Stripe customer (created once)
 * and a SetupIntent whose client secret the page confirms with Stripe. The webhook then records the
 * method as the account's default.
 */
@Injectable()
export class PrepareCardSetupUseCase {
  constructor(
    private readonly stripe: StripeGateway,
    private readonly payments: PaymentsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: PrepareCardSetupCommand, uow: UnitOfWork): Promise<CardSetup> {
    const providerCustomerId = await this.ensureCustomer(command, uow);
    const intent = await this.stripe.createSetupIntent({
      customer: providerCustomerId,
      allowed_payment_method_types: command.paymentMethodTypes,
      usage: 'off_session',
      metadata: { account_id: command.accountId },
    });
    return { setupIntentId: intent.id, clientSecret: intent.client_secret!, providerCustomerId };
  }

  private async ensureCustomer({ accountId, email }: PrepareCardSetupCommand, uow: UnitOfWork): Promise<string> {
    const existing = await this.payments.findCustomer(uow, accountId);
    if (existing) return existing.providerCustomerId;
    // The idempotency key makes concurrent or repeated first calls create one customer at Stripe.
    const customer = await this.stripe.createCustomer(
      { email, metadata: { account_id: accountId } },
      `obolus-customer-${accountId}`,
    );
    const now = this.clock.now();
    await this.payments.saveCustomer(uow, {
      accountId,
      providerCustomerId: customer.id,
      defaultPaymentMethodId: null,
      defaultPaymentMethodType: null,
      createdAt: now,
      updatedAt: now,
    });
    return customer.id;
  }
}
