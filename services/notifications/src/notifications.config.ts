import { ConfigOf, ServiceConfig, int, str, url } from '@obolus/platform';

/** notifications' own variables, beside PORT, DATABASE_URL and KAFKA_BROKERS. */
export const notificationsConfigSpec = {
  SMTP_URL: url('the SMTP server that sends e-mail, smtp://user:password@host:port', ['smtp', 'smtps']),
  MAIL_FROM: str('the sender of every e-mail', 'Obolus <billing@obolus.example>'),
  INVOICING_URL: url("invoicing's base URL, where invoice PDFs are fetched from", ['http', 'https'], 'http://127.0.0.1:4004'),
  INVOICING_SERVICE_KEY: str("notifications' secret on invoicing's internal routes (listed in invoicing's INTERNAL_API_KEYS)"),
  NOTIFICATIONS_DISPATCH_POLL_MS: int('how often pending deliveries are looked for when no commit wakes the dispatcher', 500, 50),
  NOTIFICATIONS_DISPATCH_CONCURRENCY: int('how many deliveries one instance sends at the same time', 4, 1),
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
