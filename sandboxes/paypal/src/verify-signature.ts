import { verify, X509Certificate } from 'node:crypto';
import { signedTransmissionText, type VerifyWebhookSignatureResponse } from '@obolus/paypal';
import { invalidRequest } from './errors';

export interface VerificationContext {
  /** The only certificate URL this sandbox signs with; PayPal trusts none but its own. */
  certUrl: string;
  certificatePem: string;
  /** Webhook ids the sandbox knows; a signature for any other id is a FAILURE. */
  webhookIds: ReadonlySet<string>;
}

/**
 * The raw text of one top-level member of a JSON object (already known to parse), exactly as sent, so the CRC-32 is taken over the
 * bytes the listener received when the caller embedded them verbatim. Undefined when the member is absent.
 */
export function rawMember(json: string, member: string): string | undefined {
  let i = json.indexOf('{') + 1;
  const skipSpace = (): void => {
    while (/\s/.test(json[i] ?? '')) i += 1;
  };
  const skipString = (): void => {
    i += 1;
    while (i < json.length && json[i] !== '"') i += json[i] === '\\' ? 2 : 1;
    i += 1;
  };
  const skipValue = (): void => {
    if (json[i] === '"') return skipString();
    if (json[i] !== '{' && json[i] !== '[') {
      while (i < json.length && !/[,}\]\s]/.test(json[i])) i += 1; // number, true, false, null
      return;
    }
    let depth = 0;
    while (i < json.length) {
      const c = json[i];
      if (c === '"') {
        skipString();
        continue;
      }
      i += 1;
      if (c === '{' || c === '[') depth += 1;
      else if ((c === '}' || c === ']') && --depth === 0) return;
    }
  };
  while (i < json.length) {
    skipSpace();
    if (json[i] !== '"') return undefined;
    const keyStart = i;
    skipString();
    const key = JSON.parse(json.slice(keyStart, i)) as string;
    skipSpace();
    i += 1; // ':'
    skipSpace();
    const valueStart = i;
    skipValue();
    if (key === member) return json.slice(valueStart, i);
    skipSpace();
    if (json[i] !== ',') return undefined;
    i += 1;
  }
  return undefined;
}

function requiredText(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value === 'string' && value !== '') return value;
  throw invalidRequest({
    field: `/${field}`,
    location: 'body',
    issue: 'MISSING_REQUIRED_PARAMETER',
    description: 'A required field / parameter is missing.',
  });
}

/**
 * POST /v1/notifications/verify-webhook-signature. SUCCESS when the signature is this sandbox's over the
 * transmission id, time, a known webhook id and the CRC-32 of the event: the event's bytes as sent, or the
 * event written again as compact JSON (which is how the sandbox sends it), for callers that parse and re-serialise.
 */
export function verifyWebhookSignature(
  context: VerificationContext,
  raw: string,
  body: Record<string, unknown>,
): VerifyWebhookSignatureResponse {
  const authAlgo = requiredText(body, 'auth_algo');
  const certUrl = requiredText(body, 'cert_url');
  const id = requiredText(body, 'transmission_id');
  const signature = requiredText(body, 'transmission_sig');
  const time = requiredText(body, 'transmission_time');
  const webhookId = requiredText(body, 'webhook_id');
  if (body.webhook_event === undefined) {
    throw invalidRequest({
      field: '/webhook_event',
      location: 'body',
      issue: 'MISSING_REQUIRED_PARAMETER',
      description: 'A required field / parameter is missing.',
    });
  }
  const failure: VerifyWebhookSignatureResponse = { verification_status: 'FAILURE' };
  if (authAlgo !== 'SHA256withRSA' || certUrl !== context.certUrl || !context.webhookIds.has(webhookId)) return failure;
  const publicKey = new X509Certificate(context.certificatePem).publicKey;
  const signatureBytes = Buffer.from(signature, 'base64');
  const candidates = new Set([rawMember(raw, 'webhook_event'), JSON.stringify(body.webhook_event)]);
  for (const eventText of candidates) {
    if (eventText === undefined) continue;
    const text = signedTransmissionText(id, time, webhookId, eventText);
    if (verify('sha256', Buffer.from(text, 'utf8'), publicKey, signatureBytes)) return { verification_status: 'SUCCESS' };
  }
  return failure;
}
