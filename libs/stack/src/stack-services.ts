import { OBOLUS_SERVICES, ObolusService, serviceConnectionUrl } from '@obolus/database';
import { join } from 'node:path';

export const repositoryRoot = join(__dirname, '../../..');

/** The port each service listens on in the local stack. */
export const SERVICE_PORTS: Record<ObolusService, number> = {
  identity: 4001,
  subscriptions: 4002,
  payments: 4003,
  invoicing: 4004,
  'efactura-gateway': 4005,
  notifications: 4006,
};

export { OBOLUS_SERVICES };
export type { ObolusService };

export interface StackEnvironment {
  databaseAdminUrl: string;
  kafkaBrokers: string[];
  /** OTLP/HTTP endpoint (collector, Jaeger or a test receiver); none disables export. */
  otlpEndpoint?: string;
  /** Extra variables for every service (sandbox URLs and the like). */
  extra?: Record<string, string>;
  /** Ports of the services, where they differ from SERVICE_PORTS (tests). */
  ports?: Partial<Record<ObolusService, number>>;
  /** Where the portal (the web edge) answers, for the links in e-mails; the local stack's by default. */
  portalUrl?: string;
}

export function servicePort(service: ObolusService, stack: StackEnvironment): number {
  return stack.ports?.[service] ?? SERVICE_PORTS[service];
}

/**
 * The secret notifications presents on invoicing's internal routes in the local stack and tests. A
 * deployment sets its own (INTERNAL_API_KEYS on invoicing, INVOICING_SERVICE_KEY on notifications).
 */
export const LOCAL_NOTIFICATIONS_SERVICE_KEY = 'local-notifications-service-key';

/**
 * The secret identity presents on the other services' internal routes (their part of a data export) in the
 * local stack and tests. A deployment sets its own (IDENTITY_SERVICE_KEY on identity, `identity:<it>` in the
 * others' INTERNAL_API_KEYS).
 */
export const LOCAL_IDENTITY_SERVICE_KEY = 'local-identity-service-key';

/** The key that seals webhook signing secrets in the local stack and tests (a deployment sets its own). */
export const LOCAL_WEBHOOK_SECRETS_KEY = 'b2JvbHVzLWxvY2FsLXdlYmhvb2stc2VjcmV0cy1rZXk=';

/** The key that seals ANAF tokens in the local stack and tests (a deployment sets its own). */
export const LOCAL_EFACTURA_TOKENS_KEY = 'b2JvbHVzLWxvY2FsLWVmYWN0dXJhLXRva2Vucy1rZXk=';

/** The staff member identity creates at start in the local stack and tests, for the console (S1). A deployment creates its own. */
export const LOCAL_STAFF_EMAIL = 'staff@obolus.localhost';
export const LOCAL_STAFF_PASSWORD = 'local-staff-password-0bolus';

/** The environment a service process gets: its own role's connection, the broker, tracing, its peers. */
export function serviceEnvironment(
  service: ObolusService,
  stack: StackEnvironment,
  port = servicePort(service, stack),
): NodeJS.ProcessEnv {
  return {
    PORT: String(port),
    IDENTITY_JWKS_URL: `http://127.0.0.1:${servicePort('identity', stack)}/.well-known/jwks.json`,
    DATABASE_URL: serviceConnectionUrl(stack.databaseAdminUrl, service),
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    INVOICING_URL: `http://127.0.0.1:${servicePort('invoicing', stack)}`,
    SUBSCRIPTIONS_URL: `http://127.0.0.1:${servicePort('subscriptions', stack)}`,
    PAYMENTS_URL: `http://127.0.0.1:${servicePort('payments', stack)}`,
    EFACTURA_GATEWAY_URL: `http://127.0.0.1:${servicePort('efactura-gateway', stack)}`,
    NOTIFICATIONS_URL: `http://127.0.0.1:${servicePort('notifications', stack)}`,
    IDENTITY_PUBLIC_URL: `http://127.0.0.1:${servicePort('identity', stack)}`,
    INTERNAL_API_KEYS: `notifications:${LOCAL_NOTIFICATIONS_SERVICE_KEY},identity:${LOCAL_IDENTITY_SERVICE_KEY}`,
    IDENTITY_SERVICE_KEY: LOCAL_IDENTITY_SERVICE_KEY,
    INVOICING_SERVICE_KEY: LOCAL_NOTIFICATIONS_SERVICE_KEY,
    WEBHOOK_SECRETS_KEY: LOCAL_WEBHOOK_SECRETS_KEY,
    EFACTURA_TOKENS_KEY: LOCAL_EFACTURA_TOKENS_KEY,
    IDENTITY_STAFF_EMAIL: LOCAL_STAFF_EMAIL,
    IDENTITY_STAFF_PASSWORD: LOCAL_STAFF_PASSWORD,
    // Local stack and e2e only: webhook receivers on 127.0.0.1 over http.
    WEBHOOKS_ALLOW_HTTP_LOOPBACK: 'true',
    // The links e-mails carry (invitations, password resets, notices) open the portal.
    IDENTITY_APP_URL: stack.portalUrl ?? `http://127.0.0.1:${WEB_PORT}`,
    PORTAL_URL: stack.portalUrl ?? `http://127.0.0.1:${WEB_PORT}`,
    OTEL_SERVICE_NAME: service,
    OBOLUS_SERVICE: service,
    // Local stack and e2e only (production manifests leave it unset): test clocks for any caller.
    OBOLUS_TEST_CLOCKS: 'enabled',
    ...(stack.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: stack.otlpEndpoint, OTEL_BSP_SCHEDULE_DELAY: '200' } : {}),
    ...stack.extra,
  };
}

/** The portal's port in the local stack (the web edge: `services/web`, no database, not one of OBOLUS_SERVICES). */
export const WEB_PORT = 4000;

export interface WebEdgeOptions {
  port?: number;
  /** Stripe's API as the browser reaches it (the sandbox's URL locally). */
  stripeApiUrl: string;
  stripePublishableKey: string;
  paypalUrl?: string;
}

/**
 * The environment of the web edge in the local stack and e2e: the services' addresses and plain-http
 * cookies (no TLS on loopback). It has no database, so it gets no DATABASE_URL.
 */
export function webEnvironment(stack: StackEnvironment, options: WebEdgeOptions): NodeJS.ProcessEnv {
  const url = (service: ObolusService) => `http://127.0.0.1:${servicePort(service, stack)}`;
  return {
    PORT: String(options.port ?? WEB_PORT),
    IDENTITY_PUBLIC_URL: url('identity'),
    IDENTITY_JWKS_URL: `${url('identity')}/.well-known/jwks.json`,
    SUBSCRIPTIONS_URL: url('subscriptions'),
    PAYMENTS_URL: url('payments'),
    INVOICING_URL: url('invoicing'),
    EFACTURA_GATEWAY_URL: url('efactura-gateway'),
    NOTIFICATIONS_URL: url('notifications'),
    WEB_COOKIE_SECURE: 'false',
    WEB_STRIPE_API_URL: options.stripeApiUrl,
    WEB_STRIPE_PUBLISHABLE_KEY: options.stripePublishableKey,
    ...(options.paypalUrl ? { WEB_PAYPAL_URL: options.paypalUrl } : {}),
    OTEL_SERVICE_NAME: 'web',
    OBOLUS_SERVICE: 'web',
    ...(stack.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: stack.otlpEndpoint, OTEL_BSP_SCHEDULE_DELAY: '200' } : {}),
  };
}
