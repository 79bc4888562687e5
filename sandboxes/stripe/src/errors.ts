/** An error answered in Stripe's shape: `{ error: { type, code?, decline_code?, message, param?, ... } }`. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: Record<string, unknown>,
  ) {
    super(String(error.message));
  }
}

const DOCS = 'https://stripe.com/docs/error-codes';

export function docUrl(code: string): string {
  return `${DOCS}/${code.replace(/_/g, '-')}`;
}

export function invalidRequest(
  message: string,
  options: { param?: string; code?: string; status?: number } = {},
): StripeApiError {
  const error: Record<string, unknown> = { message, type: 'invalid_request_error' };
  if (options.code) {
    error.code = options.code;
    error.doc_url = docUrl(options.code);
  }
  if (options.param) error.param = options.param;
  return new StripeApiError(options.status ?? 400, error);
}

const NOUNS: Record<string, string> = {
  cus: 'customer',
  pm: 'PaymentMethod',
  seti: 'setupintent',
  pi: 'payment_intent',
  ch: 'charge',
  re: 'refund',
  evt: 'event',
  clock: 'test_clock',
  mandate: 'mandate',
};

/** Stripe's answer for an id it doesn't know: 404 resource_missing ("No such customer: 'cus_x'"). */
export function resourceMissing(id: string, param = 'id'): StripeApiError {
  const noun = NOUNS[id.split('_')[0]] ?? 'object';
  return invalidRequest(`No such ${noun}: '${id}'`, { param, code: 'resource_missing', status: param === 'id' ? 404 : 400 });
}

export function missingParam(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, { param, code: 'parameter_missing' });
}

export function unknownParam(param: string): StripeApiError {
  return invalidRequest(`Received unknown parameter: ${param}`, { param, code: 'parameter_unknown' });
}
