import Stripe from 'stripe';

export const STRIPE = Symbol('STRIPE');

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
