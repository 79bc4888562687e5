import { DomainError } from '@obolus/contracts';

export interface DeliveryFailure {
  permanent: boolean;
  reason: string;
}

/** What nodemailer puts on an error: the SMTP reply when there was one, else a connection error code. */
interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/**
 * Whether a failed send can succeed later. Our own refusals (`NotificationsError` and any other
 * `DomainError`) are final, except those of kind `unavailable` (invoicing down), which pass. An SMTP
 * 5xx reply (recipient refused, message refused) is final; a 4xx reply, a refused or dropped
 * connection, a timeout or a failed look-up passes, and so does a refused login, which is our
 * configuration to fix rather than the recipient's fault. Anything unknown is retried: a delivery is
 * never given up on for a reason we cannot name.
 */
export function classifyDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof DomainError) return { permanent: error.kind !== 'unavailable', reason: error.message };
  const smtp = (error ?? {}) as SmtpError;
  const reason = describe(smtp);
  if (typeof smtp.responseCode === 'number') {
    const permanent = smtp.responseCode >= 500 && smtp.responseCode < 600 && smtp.code !== 'EAUTH';
    return { permanent, reason };
  }
  return { permanent: false, reason };
}

function describe(error: SmtpError): string {
  const text = error.response ?? error.message ?? String(error);
  const prefix = [error.code, error.responseCode && !text.startsWith(String(error.responseCode)) ? error.responseCode : undefined]
    .filter(Boolean)
    .join(' ');
  return (prefix ? `${prefix}: ${text}` : text).slice(0, 1000);
}

/** The wait before the next try: doubling from one second, never more than `maxMs`. */
export function retryDelayMs(attempts: number, maxMs: number, baseMs = 1000): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  return Math.min(maxMs, baseMs * 2 ** exponent);
}
