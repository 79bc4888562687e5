import type { PaypalErrorBody, PaypalErrorDetail } from '@obolus/paypal';
import { debugId } from './ids';

const INFORMATION = 'https://developer.paypal.com/docs/api/orders/v2/#error-';

/** An error answer in PayPal's REST shape: name, message, debug_id, details[{issue, description}], links. */
export class PaypalSandboxError extends Error {
  readonly body: PaypalErrorBody | Record<string, string>;

  constructor(
    readonly status: number,
    body: Omit<PaypalErrorBody, 'debug_id'> | { error: string; error_description: string },
  ) {
    super('name' in body ? body.name : body.error);
    if ('name' in body) {
      const issue = body.details?.[0]?.issue;
      this.body = {
        ...body,
        debug_id: debugId(),
        links: body.links ?? (issue ? [{ href: `${INFORMATION}${issue}`, rel: 'information_link', method: 'GET' }] : []),
      };
    } else this.body = body;
  }
}

type Detail = PaypalErrorDetail;

export const invalidRequest = (...details: Detail[]): PaypalSandboxError =>
  new PaypalSandboxError(400, {
    name: 'INVALID_REQUEST',
    message: 'Request is not well-formed, syntactically incorrect, or violates schema.',
    details,
  });

export const unprocessable = (detail: Detail, links?: PaypalErrorBody['links']): PaypalSandboxError =>
  new PaypalSandboxError(422, {
    name: 'UNPROCESSABLE_ENTITY',
    message: 'The requested action could not be performed, semantically incorrect, or failed business validation.',
    details: [detail],
    links,
  });

export const notFound = (field: string, value: string): PaypalSandboxError =>
  new PaypalSandboxError(404, {
    name: 'RESOURCE_NOT_FOUND',
    message: 'The specified resource does not exist.',
    details: [
      {
        field,
        value,
        location: 'path',
        issue: 'INVALID_RESOURCE_ID',
        description: 'Specified resource ID does not exist. Please check the resource ID and try again.',
      },
    ],
  });

export const internalError = (): PaypalSandboxError =>
  new PaypalSandboxError(500, { name: 'INTERNAL_SERVER_ERROR', message: 'An internal server error occurred.' });

/** The REST APIs answer a missing, unknown or expired bearer token in OAuth2's shape, not the REST one. */
export const invalidToken = (description: string): PaypalSandboxError =>
  new PaypalSandboxError(401, { error: 'invalid_token', error_description: description });

export const invalidClient = (): PaypalSandboxError =>
  new PaypalSandboxError(401, { error: 'invalid_client', error_description: 'Client Authentication failed' });
