import Stripe from 'stripe';
import { OffSessionCharge, RefundAnswer, StripeGateway } from './stripe-gateway';

export interface StripeSettings {
  secretKey: string;
  /** Stripe's API by default; the local sandbox in development and tests. */
  apiUrl: string;
}

/** The real Stripe SDK, pointed at the configured API (the sandbox speaks the same contract). */
export function createStripeClient(settings: StripeSettings): Stripe {
  const api = new URL(settings.apiUrl);
  return new Stripe(settings.secretKey, {
    host: api.hostname,
    port: api.port || (api.protocol === 'https:' ? 443 : 80),
    protocol: api.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'Obolus payments' },
  });
}

/** StripeGateway over the Stripe SDK: the production implementation. */
export class SdkStripeGateway extends StripeGateway {
  constructor(private readonly stripe: Stripe) {
    super();
  }

  createCustomer(params: Stripe.CustomerCreateParams, idempotencyKey: string): Promise<Stripe.Customer> {
    return this.stripe.customers.create(params, { idempotencyKey });
  }

  createSetupIntent(params: Stripe.SetupIntentCreateParams): Promise<Stripe.SetupIntent> {
    return this.stripe.setupIntents.create(params);
  }

  async paymentMethodType(paymentMethodId: string): Promise<string> {
    return (await this.stripe.paymentMethods.retrieve(paymentMethodId)).type;
  }

  createTestClock(
    params: Stripe.TestHelpers.TestClockCreateParams,
    idempotencyKey: string,
  ): Promise<Stripe.TestHelpers.TestClock> {
    return this.stripe.testHelpers.testClocks.create(params, { idempotencyKey });
  }

  retrieveTestClock(id: string): Promise<Stripe.TestHelpers.TestClock> {
    return this.stripe.testHelpers.testClocks.retrieve(id);
  }

  advanceTestClock(id: string, frozenTime: number): Promise<Stripe.TestHelpers.TestClock> {
    return this.stripe.testHelpers.testClocks.advance(id, { frozen_time: frozenTime });
  }

  async chargeOffSession(params: Stripe.PaymentIntentCreateParams, idempotencyKey: string): Promise<OffSessionCharge> {
    try {
      return { intent: await this.stripe.paymentIntents.create(params, { idempotencyKey }) };
    } catch (error) {
      // A declined off-session payment still has its PaymentIntent, with the decline.
      const declined = error as { type?: string; raw?: { payment_intent?: Stripe.PaymentIntent }; code?: string };
      if (declined.type !== 'StripeCardError') throw error;
      return { intent: declined.raw?.payment_intent ?? null, declineCode: declined.code ?? 'card_declined' };
    }
  }

  async refund(params: Stripe.RefundCreateParams, idempotencyKey: string): Promise<RefundAnswer> {
    try {
      return { refund: await this.stripe.refunds.create(params, { idempotencyKey }) };
    } catch (error) {
      const refused = error as { type?: string; message?: string };
      if (refused.type !== 'StripeInvalidRequestError') throw error;
      return { refusal: refused.message ?? 'invalid request' };
    }
  }
}
