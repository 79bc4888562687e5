import { createHash } from 'node:crypto';
import { checkVatNumberFormat, VatNumberFormatProblem } from '../vat-number/vat-number-format';
import { CircuitBreaker, BreakerState } from './circuit-breaker';
import { CHECK_VAT_NUMBER_PATH, ViesCheckVatRequest, ViesCheckVatResponse, ViesErrorResponse } from './vies-contract';

/** Why VIES gave no verdict. Member-state reasons mean VIES itself answered. */
export type ViesUnavailableReason =
  | 'MS_UNAVAILABLE'
  | 'MS_MAX_CONCURRENT_REQ'
  | 'TIMEOUT'
  | 'SERVICE_UNAVAILABLE'
  | 'GLOBAL_MAX_CONCURRENT_REQ'
  | 'SERVER_BUSY'
  | 'CLIENT_TIMEOUT'
  | 'NETWORK_ERROR'
  | 'HTTP_ERROR'
  | 'BAD_RESPONSE'
  | 'CIRCUIT_OPEN'
  | 'OTHER_ERROR';

/** What a consultation leaves for the audit trail (PRODUCT V3: every check is stored). */
export interface ViesConsultation {
  /** When Obolus asked, from the injected clock. */
  checkedAt: string;
  source: 'vies' | 'local';
  /** What was sent, so the check can be repeated. */
  request: ViesCheckVatRequest | null;
  attempts: number;
  httpStatus: number | null;
  /** VIES's own date of the consultation and its consultation number (with a requester set). */
  requestDate: string | null;
  requestIdentifier: string | null;
  /** The last answer as received, parsed, and the SHA-256 of its raw bytes. */
  response: unknown;
  responseDigest: string | null;
  errorCode: string | null;
}

export type ViesCheckResult =
  | {
      status: 'valid';
      countryCode: string;
      vatNumber: string;
      name: string | null;
      address: string | null;
      consultation: ViesConsultation;
    }
  | { status: 'invalid'; countryCode: string; vatNumber: string; consultation: ViesConsultation }
  | {
      status: 'unavailable';
      reason: ViesUnavailableReason;
      countryCode: string;
      vatNumber: string;
      consultation: ViesConsultation;
    }
  | {
      status: 'format-invalid';
      problem: VatNumberFormatProblem | 'rejected-by-vies';
      input: string;
      consultation: ViesConsultation;
    };

/** Who asks VIES: a VIES country code (EL for Greece) and the national part of its VAT number. */
export interface ViesRequester {
  countryCode: string;
  vatNumber: string;
}

export interface ViesClientOptions {
  /** Base URL up to and including /taxation_customs/vies/rest-api (configuration, never hard-coded in callers). */
  baseUrl: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts per check, the first included. */
  maxAttempts?: number;
  /** First retry delay; doubles on each retry. */
  backoffMs?: number;
  failureThreshold?: number;
  coolDownMs?: number;
  /** The seller's own VAT number, sent so that VIES returns a consultation number. */
  requester?: ViesRequester;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

const MEMBER_STATE_ERRORS = new Set(['MS_UNAVAILABLE', 'MS_MAX_CONCURRENT_REQ', 'MS_MAX_CONCURRENT_REQ_TIME', 'TIMEOUT']);
const SERVICE_ERRORS = new Set([
  'SERVICE_UNAVAILABLE',
  'GLOBAL_MAX_CONCURRENT_REQ',
  'GLOBAL_MAX_CONCURRENT_REQ_TIME',
  'SERVER_BUSY',
]);
const REJECTIONS = new Set(['INVALID_INPUT', 'VAT_BLOCKED']);

interface AttemptOutcome {
  kind: 'verdict' | 'rejected' | 'member-state-error' | 'service-error' | 'fatal';
  reason?: ViesUnavailableReason;
  httpStatus: number | null;
  response: unknown;
  responseDigest: string | null;
  errorCode: string | null;
}

/**
 * VIES client: checks format and checksum locally, then asks VIES with a per-attempt timeout,
 * bounded retries with exponential backoff for transient failures, and a circuit breaker.
 * "VIES could not say" (unavailable) is never reported as "invalid": the caller decides, and
 * PRODUCT V3 charges VAT until the number is verified.
 */
export class ViesClient {
  private readonly breaker: CircuitBreaker;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fetchImpl: typeof fetch;
  private readonly endpoint: string;

  constructor(private readonly options: ViesClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.backoffMs = options.backoffMs ?? 500;
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.fetchImpl = options.fetch ?? fetch;
    this.endpoint = `${options.baseUrl.replace(/\/+$/, '')}${CHECK_VAT_NUMBER_PATH}`;
    this.breaker = new CircuitBreaker({
      failureThreshold: options.failureThreshold ?? 5,
      coolDownMs: options.coolDownMs ?? 60_000,
      now: this.now,
    });
  }

  get breakerState(): BreakerState {
    return this.breaker.state;
  }

  /**
   * `requester` overrides the configured one for this check: a service selling through several legal
   * entities asks as the entity that sells to this buyer, so the consultation number is that entity's.
   */
  async checkVatNumber(input: string, country?: string, requester?: ViesRequester): Promise<ViesCheckResult> {
    const checkedAt = this.now().toISOString();
    const format = checkVatNumberFormat(input, country);
    if (!format.ok) {
      return {
        status: 'format-invalid',
        problem: format.problem,
        input,
        consultation: emptyConsultation(checkedAt, 'local', null),
      };
    }
    const request: ViesCheckVatRequest = { countryCode: format.countryCode, vatNumber: format.vatNumber };
    const asking = requester ?? this.options.requester;
    if (asking) {
      request.requesterMemberStateId = asking.countryCode;
      request.requesterNumber = asking.vatNumber;
    }
    const subject = { countryCode: format.countryCode, vatNumber: format.vatNumber };

    if (!this.breaker.tryAcquire()) {
      return {
        status: 'unavailable',
        reason: 'CIRCUIT_OPEN',
        ...subject,
        consultation: emptyConsultation(checkedAt, 'local', request),
      };
    }

    let attempts = 0;
    let outcome: AttemptOutcome;
    for (;;) {
      attempts += 1;
      outcome = await this.attempt(request);
      const transient = outcome.kind === 'member-state-error' || outcome.kind === 'service-error';
      if (!transient || attempts >= this.maxAttempts) break;
      await this.sleep(this.backoffMs * 2 ** (attempts - 1));
    }

    // Any answer from VIES, even "this member state is down", shows the service itself is up.
    if (outcome.kind === 'service-error') this.breaker.recordFailure();
    else this.breaker.recordSuccess();

    const response = outcome.response as Partial<ViesCheckVatResponse> | null;
    const consultation: ViesConsultation = {
      checkedAt,
      source: 'vies',
      request,
      attempts,
      httpStatus: outcome.httpStatus,
      requestDate: typeof response?.requestDate === 'string' ? response.requestDate : null,
      requestIdentifier:
        typeof response?.requestIdentifier === 'string' && response.requestIdentifier !== '' ? response.requestIdentifier : null,
      response: outcome.response,
      responseDigest: outcome.responseDigest,
      errorCode: outcome.errorCode,
    };

    switch (outcome.kind) {
      case 'verdict':
        return response?.valid === true
          ? { status: 'valid', ...subject, name: disclosed(response.name), address: disclosed(response.address), consultation }
          : { status: 'invalid', ...subject, consultation };
      case 'rejected':
        return { status: 'format-invalid', problem: 'rejected-by-vies', input, consultation };
      default:
        return { status: 'unavailable', reason: outcome.reason ?? 'OTHER_ERROR', ...subject, consultation };
    }
  }

  private async attempt(request: ViesCheckVatRequest): Promise<AttemptOutcome> {
    let httpStatus = 0;
    let raw: string;
    try {
      const answer = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      httpStatus = answer.status;
      raw = await answer.text();
    } catch (error) {
      // By name, not instanceof: the DOMException of an aborted fetch may come from another realm.
      const name = (error as { name?: unknown } | null)?.name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      return {
        kind: 'service-error',
        reason: timedOut ? 'CLIENT_TIMEOUT' : 'NETWORK_ERROR',
        httpStatus: httpStatus || null,
        response: null,
        responseDigest: null,
        errorCode: timedOut ? 'CLIENT_TIMEOUT' : String((error as { message?: unknown } | null)?.message ?? error),
      };
    }
    const responseDigest = createHash('sha256').update(raw).digest('hex');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const base = { httpStatus, responseDigest, response: body ?? raw };
    const errorCode = firstErrorCode(body);
    if (errorCode !== null) {
      if (REJECTIONS.has(errorCode)) return { ...base, kind: 'rejected', errorCode };
      if (MEMBER_STATE_ERRORS.has(errorCode)) {
        return {
          ...base,
          kind: 'member-state-error',
          reason: errorCode.startsWith('MS_MAX') ? 'MS_MAX_CONCURRENT_REQ' : (errorCode as ViesUnavailableReason),
          errorCode,
        };
      }
      if (SERVICE_ERRORS.has(errorCode)) {
        const reason = errorCode.startsWith('GLOBAL_MAX') ? 'GLOBAL_MAX_CONCURRENT_REQ' : (errorCode as ViesUnavailableReason);
        return { ...base, kind: 'service-error', reason, errorCode };
      }
      return { ...base, kind: 'fatal', reason: 'OTHER_ERROR', errorCode };
    }
    if (httpStatus >= 500 || httpStatus === 429)
      return { ...base, kind: 'service-error', reason: 'HTTP_ERROR', errorCode: `HTTP_${httpStatus}` };
    if (httpStatus !== 200 || !isVerdict(body))
      return {
        ...base,
        kind: 'fatal',
        reason: httpStatus === 200 ? 'BAD_RESPONSE' : 'HTTP_ERROR',
        errorCode: `HTTP_${httpStatus}`,
      };
    return { ...base, kind: 'verdict', errorCode: null };
  }
}

function firstErrorCode(body: unknown): string | null {
  const wrappers = (body as Partial<ViesErrorResponse> | undefined)?.errorWrappers;
  if (!Array.isArray(wrappers) || wrappers.length === 0) return null;
  const code = wrappers[0]?.error;
  return typeof code === 'string' ? code : 'OTHER_ERROR';
}

function isVerdict(body: unknown): body is ViesCheckVatResponse {
  return typeof body === 'object' && body !== null && typeof (body as { valid?: unknown }).valid === 'boolean';
}

/** Member states that do not disclose trader details answer "---". */
function disclosed(value: string | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' && value.trim() !== '---' ? value : null;
}

function emptyConsultation(checkedAt: string, source: 'vies' | 'local', request: ViesCheckVatRequest | null): ViesConsultation {
  return {
    checkedAt,
    source,
    request,
    attempts: 0,
    httpStatus: null,
    requestDate: null,
    requestIdentifier: null,
    response: null,
    responseDigest: null,
    errorCode: null,
  };
}
