import { createHmac } from 'node:crypto';
import { newSigningSecret, webhookHeaders } from './signature';

/** The receiver's side, written from the Standard Webhooks text, not from the code under test. */
function verifies(secret: string, headers: Record<string, string>, body: string): boolean {
  const key = Buffer.from(secret.split('_')[1]!, 'base64');
  const expected = createHmac('sha256', key)
    .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`)
    .digest('base64');
  return headers['webhook-signature']!.split(' ').some((entry) => entry === `v1,${expected}`);
}

describe('webhook signatures (Standard Webhooks)', () => {
  const body = JSON.stringify({ id: 'evt', type: 'obolus.invoicing.invoice.issued.v1', data: { amount: 'ă€"<>' } });

  it('signs id.timestamp.body with HMAC-SHA256 under the base64 key of a whsec_ secret', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = webhookHeaders([secret], 'msg_1', 1_700_000_000, body);
    expect(headers).toMatchObject({ 'webhook-id': 'msg_1', 'webhook-timestamp': '1700000000' });
    expect(verifies(secret, headers, body)).toBe(true);
    expect(verifies(secret, headers, body.replace('evt', 'evu'))).toBe(false);
    expect(verifies(newSigningSecret(), headers, body)).toBe(false);
  });

  it('carries one signature per secret during a rotation, each valid under its own secret', () => {
    const [current, previous] = [newSigningSecret(), newSigningSecret()];
    const headers = webhookHeaders([current, previous], 'msg_2', 1_700_000_001, body);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(verifies(current, headers, body)).toBe(true);
    expect(verifies(previous, headers, body)).toBe(true);
  });
});
