import { Injectable } from '@nestjs/common';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { StripeGateway } from '../../../stripe/stripe-gateway';
import { debitRefusal } from '../../debit-methods';
import { PaymentsError } from '../../payments.errors';
import { PaymentsRepository } from '../../payments.repository';
import { PrepareCardSetupCommand } from './prepare-card-setup.command';

export interface CardSetup {
  setupIntentId: string;
  clientSecret: string;
  providerCustomerId: string;
}

/**
 * Starts saving a payment method for off-session charges: the account's Stripe customer (created once)
 * and a SetupIntent whose client secret the page confirms with Stripe, with the customer's mandate for a
 * bank debit (`mandate_data`). The webhook then records the method, and its mandate, for its type.
 *
 * SEPA Direct Debit is offered in the SEPA area and ACH Direct Debit in the US only: another country's
 * request is refused (422 naming paymentMethodTypes) before anything is created. The customer of an
 * account on a test clock lives on a Stripe test clock of its own, at the account's time, which payments
 * moves with the account's clock so its debits settle in the clock's days.
 */
@Injectable()
export class PrepareCardSetupUseCase {
  constructor(
    private readonly stripe: StripeGateway,
    private readonly payments: PaymentsRepository,
    private readonly clock: Clock,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: PrepareCardSetupCommand, uow: UnitOfWork): Promise<CardSetup> {
    await this.checkOffered(command, uow);
    const providerCustomerId = await this.ensureCustomer(command, uow);
    const intent = await this.stripe.createSetupIntent({
      customer: providerCustomerId,
      allowed_payment_method_types: command.paymentMethodTypes,
      usage: 'off_session',
      metadata: { account_id: command.accountId },
    });
    return { setupIntentId: intent.id, clientSecret: intent.client_secret!, providerCustomerId };
  }

  private async checkOffered({ accountId, paymentMethodTypes }: PrepareCardSetupCommand, uow: UnitOfWork): Promise<void> {
    const debits = paymentMethodTypes.filter((type) => type !== 'card');
    if (debits.length === 0) return;
    const profile = await this.payments.findAccountProfile(uow, accountId);
    if (!profile) throw PaymentsError.accountNotYetKnown(accountId);
    const refusals = debits.map((type) => debitRefusal(type, profile.country)).filter((r): r is string => r !== null);
    if (refusals.length) throw PaymentsError.paymentMethodNotOffered(refusals);
  }

  private async ensureCustomer({ accountId, email }: PrepareCardSetupCommand, uow: UnitOfWork): Promise<string> {
    const existing = await this.payments.findCustomer(uow, accountId);
    if (existing) return existing.providerCustomerId;
    const testClock = await this.providerTestClock(accountId, uow);
    // The idempotency key makes concurrent or repeated first calls create one customer at Stripe.
    const customer = await this.stripe.createCustomer(
      { email, metadata: { account_id: accountId }, ...(testClock ? { test_clock: testClock } : {}) },
      `obolus-customer-${accountId}`,
    );
    const now = this.clock.now();
    await this.payments.saveCustomer(uow, {
      accountId,
      providerCustomerId: customer.id,
      defaultPaymentMethodId: null,
      defaultPaymentMethodType: null,
      providerTestClockId: testClock ?? null,
      createdAt: now,
      updatedAt: now,
    });
    return customer.id;
  }

  /** For an account on a test clock: a Stripe test clock at the account's time (one per account, by its key). */
  private async providerTestClock(accountId: string, uow: UnitOfWork): Promise<string | undefined> {
    const clockId = await this.clocks.clockOf(uow, accountId);
    if (!clockId) return undefined;
    const now = await this.clocks.now(uow, accountId);
    const clock = await this.stripe.createTestClock(
      { frozen_time: Math.floor(now.getTime() / 1000), name: `Obolus account ${accountId} (test clock ${clockId})` },
      `obolus-test-clock-${accountId}`,
    );
    return clock.id;
  }
}
