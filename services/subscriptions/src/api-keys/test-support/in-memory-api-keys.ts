import { UnitOfWork } from '@obolus/messaging';
import { ActiveApiKey, ApiKey } from '../api-key';

/** ApiKeysRepository without Postgres, for the specs. */
export class InMemoryApiKeys {
  readonly keys = new Map<string, ApiKey>();
  /** How many times a key was looked up by hash. */
  lookups = 0;

  async insert(_uow: UnitOfWork, key: ApiKey): Promise<void> {
    if ([...this.keys.values()].some((held) => held.keyHash === key.keyHash)) throw new Error('duplicate key_hash');
    this.keys.set(key.id, { ...key });
  }

  async list(_uow: UnitOfWork): Promise<ApiKey[]> {
    return [...this.keys.values()]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map((key) => ({ ...key }));
  }

  async revoke(_uow: UnitOfWork, id: string, at: Date): Promise<boolean> {
    const key = this.keys.get(id);
    if (!key || key.revokedAt) return false;
    key.revokedAt = at;
    return true;
  }

  async findActiveAndTouch(_uow: UnitOfWork, keyHash: string, at: Date): Promise<ActiveApiKey | undefined> {
    this.lookups += 1;
    const key = [...this.keys.values()].find((held) => held.keyHash === keyHash && !held.revokedAt);
    if (!key) return undefined;
    key.lastUsedAt = at;
    return { id: key.id, name: key.name, prefix: key.prefix };
  }
}
