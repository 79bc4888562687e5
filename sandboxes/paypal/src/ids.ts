import { randomBytes, randomUUID } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function pick(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** PayPal's resource ids (orders, captures, refunds) are 17 upper-case letters and digits: `5O190127TN364715T`. */
export const resourceId = (): string => pick(UPPER_ALNUM, 17);
/** Payer ids are 13 of them: `QYR5Z8XDVJNXQ`. */
export const payerId = (): string => pick(UPPER_ALNUM, 13);
/** Webhook event ids: `WH-2WR32451HC0233532-67976317FL4543714`. */
export const webhookEventId = (): string => `WH-${resourceId()}-${resourceId()}`;
export const debugId = (): string => randomBytes(7).toString('hex').slice(0, 13);
export const transmissionId = (): string => randomUUID();
export const accessToken = (): string => `A21AA${randomBytes(48).toString('base64url')}`;
export const appId = (): string => `APP-${resourceId()}`;
