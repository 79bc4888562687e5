import { Inject, Injectable } from '@nestjs/common';
import { Clock, DATA_SOURCE } from '@obolus/platform';
import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { STRIPE } from '../../../stripe/stripe.provider';
import { PaymentsRepository } from '../../payments.repository';

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
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(STRIPE) private readonly stripe: Stripe,
    private readonly payments: PaymentsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(accountId: string, email: string, methodTypes: ('card' | 'sepa_debit')[]): Promise<CardSetup> {
    const providerCustomerId = await this.ensureCustomer(accountId, email);
    const intent = await this.stripe.setupIntents.create({
      customer: providerCustomerId,
      allowed_payment_method_types: methodTypes,
      usage: 'off_session',
      metadata: { account_id: accountId },
    });
    return { setupIntentId: intent.id, clientSecret: intent.client_secret!, providerCustomerId };
  }

  private async ensureCustomer(accountId: string, email: string): Promise<string> {
    const existing = await this.payments.findCustomer(this.dataSource.manager, accountId);
    if (existing) return existing.providerCustomerId;
    // The idempotency key makes concurrent or repeated first calls create one customer at Stripe.
    const customer = await this.stripe.customers.create(
      { email, metadata: { account_id: accountId } },
      { idempotencyKey: `obolus-customer-${accountId}` },
    );
    const now = this.clock.now();
    await this.payments.saveCustomer(this.dataSource.manager, {
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
