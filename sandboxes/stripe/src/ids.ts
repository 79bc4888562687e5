import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random base62 string; rejection sampling keeps every character equally likely. */
export function base62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** Ids shaped like Stripe's: a type prefix, an underscore and 24 base62 characters. */
export function newId(prefix: string): string {
  return `${prefix}_${base62(24)}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
