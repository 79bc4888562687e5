import { createHash } from 'node:crypto';

/**
 * A UUID that is always the same for the same name in the same namespace (RFC 9562 version 5: SHA-1,
 * variant bits set). For ids that a retried handler must find again: a row written in a transaction
 * that rolled back after an outside call (Stripe, SMTP) gets the same id on the next try, so the
 * outside system sees the same request.
 */
export function nameBasedUuid(namespace: string, name: string): string {
  const hash = createHash('sha1').update(`${namespace}\u0000${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
