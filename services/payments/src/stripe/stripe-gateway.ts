import Stripe from 'stripe';

/** What Stripe answered to an off-session charge: its PaymentIntent, or the decline (which carries one when Stripe made it). */
export interface OffSessionCharge {
  intent: Stripe.PaymentIntent | null;
  /** Set when Stripe declined the card (a StripeCardError); the intent, if any, holds the decline. */
  declineCode?: string;
}

/** What Stripe answered to a refund: the Refund, or its refusal (an invalid request Stripe explained). */
export type RefundAnswer = { refund: Stripe.Refund } | { refusal: string };

/**
 * The calls Obolus makes to Stripe. Production is the Stripe SDK pointed at STRIPE_API_URL
 * (SdkStripeGateway); use-case specs give an in-memory stand-in that answers with the same objects.
 * Every call that creates something at Stripe carries an idempotency key where a repeat must not create twice.
 */
export abstract class StripeGateway {
  /** The account's customer at Stripe; the same key always answers with the same customer. */
  abstract createCustomer(params: Stripe.CustomerCreateParams, idempotencyKey: string): Promise<Pick<Stripe.Customer, 'id'>>;

  abstract createSetupIntent(params: Stripe.SetupIntentCreateParams): Promise<Stripe.SetupIntent>;

  /** The type of a PaymentMethod (card, sepa_debit, us_bank_account). */
  abstract paymentMethodType(paymentMethodId: string): Promise<string>;

  /** A Stripe test clock (test mode only), for the customer of an account on an Obolus test clock. */
  abstract createTestClock(
    params: Stripe.TestHelpers.TestClockCreateParams,
    idempotencyKey: string,
  ): Promise<Stripe.TestHelpers.TestClock>;

  abstract retrieveTestClock(id: string): Promise<Stripe.TestHelpers.TestClock>;

  /** Moves a Stripe test clock forward; Stripe answers `advancing` and works in the background until `ready`. */
  abstract advanceTestClock(id: string, frozenTime: number): Promise<Stripe.TestHelpers.TestClock>;

  /**
   * Creates and confirms a PaymentIntent. A declined card answers with the decline instead of throwing;
   * any other failure (Stripe down, a bad request) throws, so the caller's work is retried.
   */
  abstract chargeOffSession(params: Stripe.PaymentIntentCreateParams, idempotencyKey: string): Promise<OffSessionCharge>;

  /**
   * Refunds (part of) a PaymentIntent. A refusal (already refunded, more than is left) answers as one;
   * any other failure throws, so the caller's work is retried with the same idempotency key.
   */
  abstract refund(params: Stripe.RefundCreateParams, idempotencyKey: string): Promise<RefundAnswer>;
}
