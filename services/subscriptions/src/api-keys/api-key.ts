import { createHash, randomBytes } from 'node:crypto';

/** An API key as stored: never the key itself, only its hash. */
export interface ApiKey {
  id: string;
  name: string;
  /** The 8 characters after `obk_`, so staff can tell which key a product holds. */
  prefix: string;
  keyHash: string;
  /** The staff member who created it (staff id). */
  createdBy: string;
  createdAt: Date;
  revokedAt?: Date;
  lastUsedAt?: Date;
}

/** What staff see of a key in the list: everything but the key and its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** The answer to a creation: the only time the key itself is shown. */
export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  key: string;
  createdAt: string;
}

/** A valid, unrevoked key, as the guard knows it. */
export interface ActiveApiKey {
  id: string;
  name: string;
  prefix: string;
}

/** The caller of an entitlements route that came with an API key (local to subscriptions). */
export interface ApiKeyPrincipal {
  kind: 'service';
  keyId: string;
  name: string;
}

export const API_KEY_NAME_MAX_LENGTH = 200;

/** Random bytes in the secret part of a key (256 bits). */
const SECRET_BYTES = 32;
const KEY_PATTERN = /^obk_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

/** A new key, `obk_<prefix8>_<secret>`: 4 random bytes in hex, then 32 random bytes in base64url. */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = randomBytes(4).toString('hex');
  const key = `obk_${prefix}_${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

/**
 * The stored form of a key: SHA-256 (hex) of the whole key. A plain, unsalted hash is enough here,
 * unlike passwords: the key carries 256 random bits, so no dictionary or precomputed table covers it
 * and a slow hash would only slow down every request. Being deterministic, the hash is also the
 * lookup key (a unique index), so a key is found without comparing secrets in the process.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** True when the text has the shape of an Obolus API key (checked before anything is looked up). */
export function looksLikeApiKey(text: string): boolean {
  return KEY_PATTERN.test(text);
}

export function viewOfApiKey(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  };
}
