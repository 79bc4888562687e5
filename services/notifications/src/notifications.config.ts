import { authConfigSpec } from '@obolus/auth';
import { ConfigOf, ServiceConfig, int, optional, str, url } from '@obolus/platform';

/** notifications' own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. */
export const notificationsConfigSpec = {
  ...authConfigSpec,
  SMTP_URL: url('the SMTP server that sends e-mail, smtp://user:password@host:port', ['smtp', 'smtps']),
  MAIL_FROM: str('the sender of every e-mail', 'Obolus <billing@obolus.example>'),
  INVOICING_URL: url("invoicing's base URL, where invoice PDFs are fetched from", ['http', 'https'], 'http://127.0.0.1:4004'),
  INVOICING_SERVICE_KEY: str("notifications' secret on invoicing's internal routes (listed in invoicing's INTERNAL_API_KEYS)"),
  NOTIFICATIONS_DISPATCH_POLL_MS: int('how often pending deliveries are looked for when no commit wakes the dispatcher', 500, 50),
  NOTIFICATIONS_DISPATCH_CONCURRENCY: int('how many deliveries one instance sends at the same time', 4, 1),
  PORTAL_URL: url('the customer portal, for links in e-mails', ['http', 'https'], 'http://127.0.0.1:4000'),
  WEBHOOK_SECRETS_KEY: str('the key that seals webhook signing secrets at rest: 32 random bytes, base64 (openssl rand -base64 32)'),
  WEBHOOKS_ALLOW_HTTP_LOOPBACK: str(
    'development only: "true" lets webhook endpoints use http (and https) to 127.0.0.1 and [::1]; never in production',
    'false',
  ),
  WEBHOOK_CONNECT_TIMEOUT_MS: int('how long a webhook delivery waits for its connection', 5000, 100),
  WEBHOOK_RESPONSE_TIMEOUT_MS: int("how long a webhook delivery waits for the whole answer", 10000, 100),
  STAFF_ALERT_EMAILS: optional(
    str(
      "staff addresses, comma-separated, that get an account's e-Factura alerts (rejection, deadline, lost ANAF authorisation) with its owner; none when unset",
    ),
  ),
  NOTIFICATIONS_RETRY_MAX_SECONDS: int(
    'the longest wait between two tries of a delivery that failed for a passing reason',
    30,
    1,
  ),
};

export type NotificationsConfig = ServiceConfig & ConfigOf<typeof notificationsConfigSpec>;

/** The dispatcher's settings, taken from the configuration. */
export const DISPATCH_SETTINGS = Symbol('DISPATCH_SETTINGS');

export interface DispatchSettings {
  pollIntervalMs: number;
  /** Deliveries sent at the same time; each claims its own row (SKIP LOCKED). 1 when absent. */
  concurrency?: number;
  retryMaxMs: number;
}
