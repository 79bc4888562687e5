/** What payments needs to know of its PayPal REST app besides the client's credentials. */
export class PaypalSettings {
  constructor(
    /** The id of the webhook posting to /webhooks/paypal: PayPal verifies signatures against it. */
    readonly webhookId: string,
    /** Where PayPal sends the payer's browser after approval: payments' GET /paypal/return. */
    readonly returnUrl: string,
  ) {}
}

/** PayPal (P2) takes fr-crm's annual term in US dollars only. */
export const PAYPAL_CURRENCY = 'USD';
