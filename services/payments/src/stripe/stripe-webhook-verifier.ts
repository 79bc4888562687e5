import Stripe from 'stripe';

/**
 * Checks a Stripe webhook's signature over the raw body exactly as Stripe signed it, with the endpoint's
 * secret, and parses the event. Pure computation (no call to Stripe), so specs use the real one.
 */
export class StripeWebhookVerifier {
  constructor(private readonly secret: string) {}

  /** The signed event; throws Stripe's signature error when it does not verify. */
  constructEvent(rawBody: Buffer, signature: string): Stripe.Event {
    return Stripe.webhooks.constructEvent(rawBody, signature, this.secret);
  }
}
