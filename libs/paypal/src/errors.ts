import type { PaypalErrorBody, PaypalErrorDetail } from './types';

/**
 * PayPal answered with an error. `name` is PayPal's error name (`UNPROCESSABLE_ENTITY`, `RESOURCE_NOT_FOUND`,
 * or OAuth2's `invalid_client`), `issue` the first detail's fine-grained code (`ORDER_NOT_APPROVED`,
 * `INSTRUMENT_DECLINED`), which is what callers branch on; `debugId` is what PayPal support asks for.
 */
export class PaypalApiError extends Error {
  override readonly name = 'PaypalApiError';
  readonly errorName: string;
  readonly issue: string | undefined;
  readonly debugId: string | undefined;
  readonly details: PaypalErrorDetail[];

  constructor(
    readonly status: number,
    body: PaypalErrorBody,
    readonly method: string,
    readonly path: string,
  ) {
    const issue = body.details?.[0]?.issue;
    super(`PayPal ${method} ${path} answered ${status} ${body.name}${issue ? ` ${issue}` : ''}: ${body.message}`);
    this.errorName = body.name;
    this.issue = issue;
    this.debugId = body.debug_id;
    this.details = body.details ?? [];
  }

  /** 429 and 5xx may pass on a later try (with the same PayPal-Request-Id); anything else will not. */
  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

/** PayPal could not be reached, or did not answer within the timeout; the call may or may not have happened. */
export class PaypalTransportError extends Error {
  override readonly name = 'PaypalTransportError';

  constructor(
    message: string,
    readonly timedOut: boolean,
    readonly method: string,
    readonly path: string,
  ) {
    super(message);
  }

  readonly retryable = true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an error answer: the REST shape, OAuth2's `{error, error_description}`, or whatever came back. */
export function errorBody(status: number, text: string): PaypalErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { name: `HTTP_${status}`, message: text.slice(0, 200) || `HTTP ${status} with no body` };
  }
  if (isRecord(parsed) && typeof parsed.name === 'string') {
    return {
      name: parsed.name,
      message: typeof parsed.message === 'string' ? parsed.message : '',
      debug_id: typeof parsed.debug_id === 'string' ? parsed.debug_id : undefined,
      details: Array.isArray(parsed.details) ? (parsed.details as PaypalErrorDetail[]) : undefined,
    };
  }
  if (isRecord(parsed) && typeof parsed.error === 'string') {
    return {
      name: parsed.error,
      message: typeof parsed.error_description === 'string' ? parsed.error_description : parsed.error,
    };
  }
  return { name: `HTTP_${status}`, message: text.slice(0, 200) };
}
