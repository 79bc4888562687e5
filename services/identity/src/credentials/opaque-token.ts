import { createHash, randomBytes } from 'node:crypto';

/**
 * Refresh, reset and invitation tokens: 256 random bits, handed out once in clear, stored only as
 * their SHA-256 (a fast hash is enough for a secret with this much entropy).
 */
export function newOpaqueToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOpaqueToken(token) };
}

export function hashOpaqueToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
