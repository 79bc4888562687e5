import { ConfigOf, ConfigVariable, optional, port, str, url } from '@obolus/platform';
import { join } from 'node:path';

const flag = (description: string, defaultValue: boolean): ConfigVariable<boolean> => ({
  description,
  default: String(defaultValue),
  parse: (raw) => {
    if (raw !== 'true' && raw !== 'false') throw new Error(`'${raw}' is not true or false`);
    return raw === 'true';
  },
});

const http = ['http', 'https'];

/**
 * The web edge's variables; every one has a default, so the edge starts with none set (the local stack's
 * addresses). It has no database and no broker: it serves the portal and forwards `/api/<service>/…`.
 */
export const webConfigSpec = {
  PORT: port('the HTTP port of the portal', 4000),
  IDENTITY_PUBLIC_URL: url('where identity answers (sign-in, /me, and /api/identity/…)', http, 'http://127.0.0.1:4001'),
  SUBSCRIPTIONS_URL: url('where subscriptions answers (/api/subscriptions/…)', http, 'http://127.0.0.1:4002'),
  PAYMENTS_URL: url('where payments answers (/api/payments/…)', http, 'http://127.0.0.1:4003'),
  INVOICING_URL: url('where invoicing answers (/api/invoicing/…)', http, 'http://127.0.0.1:4004'),
  EFACTURA_GATEWAY_URL: url('where efactura-gateway answers (/api/efactura-gateway/…)', http, 'http://127.0.0.1:4005'),
  NOTIFICATIONS_URL: url('where notifications answers (/api/notifications/…)', http, 'http://127.0.0.1:4006'),
  IDENTITY_JWKS_URL: optional(url("identity's public keys; default: IDENTITY_PUBLIC_URL/.well-known/jwks.json", http)),
  WEB_COOKIE_SECURE: flag(
    'session cookies only over HTTPS, and Strict-Transport-Security (false only on plain-http local stacks)',
    true,
  ),
  WEB_PUBLIC_DIR: str('the bundled portal (index.html and assets/)', join(__dirname, 'public')),
  WEB_STRIPE_API_URL: optional(url("Stripe's API as the browser reaches it (Stripe.js); also allowed in connect-src", http)),
  WEB_STRIPE_PUBLISHABLE_KEY: optional(str("Stripe's publishable key, handed to the portal by GET /api/config")),
  WEB_PAYPAL_URL: optional(url('PayPal as the browser reaches it, handed to the portal by GET /api/config', http)),
};

export type WebConfig = ConfigOf<typeof webConfigSpec>;

export const WEB_CONFIG = Symbol('WEB_CONFIG');

/** The services the portal reaches through `/api/<service>/…`, and the variable holding each one's address. */
export const PROXIED_SERVICES = {
  identity: 'IDENTITY_PUBLIC_URL',
  subscriptions: 'SUBSCRIPTIONS_URL',
  payments: 'PAYMENTS_URL',
  invoicing: 'INVOICING_URL',
  'efactura-gateway': 'EFACTURA_GATEWAY_URL',
  notifications: 'NOTIFICATIONS_URL',
} as const satisfies Record<string, keyof WebConfig>;

export type ProxiedService = keyof typeof PROXIED_SERVICES;

export function serviceUrls(config: WebConfig): Record<ProxiedService, string> {
  return Object.fromEntries(Object.entries(PROXIED_SERVICES).map(([service, variable]) => [service, config[variable]])) as Record<
    ProxiedService,
    string
  >;
}

export function jwksUrlOf(config: WebConfig): string {
  return config.IDENTITY_JWKS_URL ?? `${config.IDENTITY_PUBLIC_URL.replace(/\/$/, '')}/.well-known/jwks.json`;
}
