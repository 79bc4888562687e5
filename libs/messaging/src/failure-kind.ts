import { DomainError } from '@obolus/contracts';

/**
 * What a handler's failure says about a retry:
 * - `permanent`: no retry can fix it (the handler said so); dead-letter at once;
 * - `transient`: something the handler needs is unavailable for now (Postgres, Kafka, an outside
 *   service); retry for as long as it takes, never dead-letter;
 * - `unknown`: anything else, e.g. a bug; a few retries, then the dead-letter topic, where it waits
 *   for a fix and a replay.
 */
export type FailureKind = 'permanent' | 'transient' | 'unknown';

/** Thrown (or wrapped) by a handler whose dependency is unavailable: always retried. */
export class TransientEventError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'TransientEventError';
  }
}

const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  // nodemailer
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
]);

/** SQLSTATE codes after which the same statement may well succeed. */
function transientSqlState(code: string): boolean {
  return (
    code.startsWith('08') || // connection exception
    code.startsWith('53') || // insufficient resources
    code.startsWith('57P') || // admin shutdown, crash shutdown, cannot connect now
    code === '40001' || // serialization failure
    code === '40P01' || // deadlock detected
    code === '55P03' || // lock not available
    code === '58000' || // system error
    code === '58030' // I/O error
  );
}

const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /connection (was )?closed/i,
  /terminating connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /timeout (exceeded )?when trying to connect/i,
  /socket hang up/i,
  /fetch failed/i,
  /Client has encountered a connection error/i,
  /Connection is not established/i,
];

const TRANSIENT_KAFKA_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout',
]);

const TRANSIENT_STRIPE_ERRORS = new Set(['StripeConnectionError', 'StripeRateLimitError', 'StripeAPIError']);

/** Classifies a handler's failure, looking through wrappers (`cause`, `driverError`, `originalError`). */
export function failureKindOf(error: unknown): FailureKind {
  const seen = new Set<unknown>();
  let kind: FailureKind = 'unknown';
  const visit = (candidate: unknown, depth: number): void => {
    if (depth > 5 || candidate === null || typeof candidate !== 'object' || seen.has(candidate)) return;
    seen.add(candidate);
    // A refusal is deterministic: the same event meets the same refusal, unless what it needs is unavailable.
    if (candidate instanceof DomainError) {
      if (candidate.kind === 'unavailable') kind = 'transient';
      else kind = 'permanent';
      return;
    }
    if (kind !== 'permanent' && isTransientItself(candidate as Record<string, unknown>)) kind = 'transient';
    const wrapper = candidate as { cause?: unknown; driverError?: unknown; originalError?: unknown; errors?: unknown[] };
    visit(wrapper.cause, depth + 1);
    visit(wrapper.driverError, depth + 1);
    visit(wrapper.originalError, depth + 1);
    if (Array.isArray(wrapper.errors)) wrapper.errors.forEach((inner) => visit(inner, depth + 1));
  };
  visit(error, 0);
  return kind;
}

function isTransientItself(error: Record<string, unknown>): boolean {
  if (error instanceof TransientEventError) return true;
  const name = typeof error.name === 'string' ? error.name : '';
  const code = typeof error.code === 'string' ? error.code : undefined;
  if (code && TRANSIENT_NETWORK_CODES.has(code)) return true;
  if (code && /^[0-9A-Z]{5}$/.test(code) && transientSqlState(code)) return true;
  if (TRANSIENT_KAFKA_ERRORS.has(name)) return true;
  if (name === 'KafkaJSProtocolError' && error.retriable === true) return true;
  if (TRANSIENT_STRIPE_ERRORS.has(name) || TRANSIENT_STRIPE_ERRORS.has(String(error.type ?? ''))) return true;
  // An HTTP client error that carries the answer's status: 5xx, 408 and 429 pass with time.
  const status = Number(error.statusCode ?? error.status ?? (error.response as { status?: unknown } | undefined)?.status);
  if (Number.isInteger(status) && (status >= 500 || status === 408 || status === 429)) return true;
  // SMTP answers 4xx for "try again later".
  const responseCode = Number(error.responseCode);
  if (Number.isInteger(responseCode) && responseCode >= 400 && responseCode < 500) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return TRANSIENT_MESSAGES.some((pattern) => pattern.test(message));
}
