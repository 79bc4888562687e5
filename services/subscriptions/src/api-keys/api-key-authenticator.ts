import { Inject, Injectable, Optional } from '@nestjs/common';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { performance } from 'node:perf_hooks';
import { ActiveApiKey, hashApiKey, looksLikeApiKey } from './api-key';
import { ApiKeysRepository } from './api-keys.repository';

/** The longest a process may go on accepting a key after its revocation. */
export const API_KEY_CACHE_MAX_TTL_MS = 1_000;

export interface ApiKeyCacheOptions {
  /** How long a key found valid is accepted without asking Postgres again; at most 1 s. */
  ttlMs?: number;
  /** Monotonic milliseconds (performance.now by default); specs pass their own. */
  now?: () => number;
}

export const API_KEY_CACHE_OPTIONS = Symbol('API_KEY_CACHE_OPTIONS');

/**
 * Tells whether an `X-Api-Key` is a valid, unrevoked key.
 *
 * The entitlements routes aim at 5,000 requests/s, so each process keeps the hashes of the keys it
 * found valid for at most 1 s (API_KEY_CACHE_MAX_TTL_MS), counted from when Postgres was asked: a
 * revocation takes effect everywhere within 1 s, and at once in the process that revoked it
 * (`forget`). Concurrent requests with the same key share one lookup. Unknown and revoked keys are
 * never cached, so a new key works at once and a refused key is asked about again each time.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly valid = new Map<string, { key: ActiveApiKey; until: number }>();
  private readonly lookups = new Map<string, Promise<ActiveApiKey | undefined>>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  /** Bumped by `forget`, so a lookup that started before a revocation does not cache its answer. */
  private generation = 0;

  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly keys: ApiKeysRepository,
    private readonly clock: Clock,
    @Optional() @Inject(API_KEY_CACHE_OPTIONS) options?: ApiKeyCacheOptions,
  ) {
    this.ttlMs = Math.min(Math.max(options?.ttlMs ?? API_KEY_CACHE_MAX_TTL_MS, 0), API_KEY_CACHE_MAX_TTL_MS);
    this.now = options?.now ?? (() => performance.now());
  }

  /** The key, when the text is a valid and unrevoked key; undefined otherwise. */
  async authenticate(text: string): Promise<ActiveApiKey | undefined> {
    if (!looksLikeApiKey(text)) return undefined;
    const keyHash = hashApiKey(text);
    const cached = this.valid.get(keyHash);
    if (cached && cached.until > this.now()) return cached.key;
    let lookup = this.lookups.get(keyHash);
    if (!lookup) {
      lookup = this.lookUp(keyHash).finally(() => this.lookups.delete(keyHash));
      this.lookups.set(keyHash, lookup);
    }
    return lookup;
  }

  /** Stops accepting the key in this process at once (after a revocation). */
  forget(keyId: string): void {
    this.generation += 1;
    for (const [keyHash, entry] of this.valid) if (entry.key.id === keyId) this.valid.delete(keyHash);
  }

  private async lookUp(keyHash: string): Promise<ActiveApiKey | undefined> {
    const askedAt = this.now();
    const generation = this.generation;
    const key = await this.work.run((uow) => this.keys.findActiveAndTouch(uow, keyHash, this.clock.now()));
    this.sweep();
    if (key && generation === this.generation && this.ttlMs > 0) this.valid.set(keyHash, { key, until: askedAt + this.ttlMs });
    else this.valid.delete(keyHash);
    return key;
  }

  private sweep(): void {
    const now = this.now();
    for (const [keyHash, entry] of this.valid) if (entry.until <= now) this.valid.delete(keyHash);
  }
}
