import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { ActiveApiKey, ApiKey } from './api-key';

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  keyHash: row.key_hash,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
  ...(row.revoked_at ? { revokedAt: new Date(row.revoked_at) } : {}),
  ...(row.last_used_at ? { lastUsedAt: new Date(row.last_used_at) } : {}),
});

/** `last_used_at` is written at most this often per key, so a busy key does not write on every request. */
export const LAST_USED_PRECISION_MS = 60_000;

/** API keys. They belong to no account: the routes over them are staff only. */
@Injectable()
export class ApiKeysRepository {
  async insert(uow: UnitOfWork, key: ApiKey): Promise<void> {
    await uow.manager.query(
      `INSERT INTO subscriptions.api_keys (id, name, prefix, key_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [key.id, key.name, key.prefix, key.keyHash, key.createdBy, key.createdAt],
    );
  }

  /** Every key, revoked ones included, oldest first. */
  async list(uow: UnitOfWork): Promise<ApiKey[]> {
    const rows: ApiKeyRow[] = await uow.manager.query(
      `SELECT id, name, prefix, key_hash, created_by, created_at, revoked_at, last_used_at
         FROM subscriptions.api_keys ORDER BY created_at, id`,
    );
    return rows.map(toApiKey);
  }

  /** Revokes the key at `at`. False when there is no such key or it was already revoked. */
  async revoke(uow: UnitOfWork, id: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await uow.manager.query(
      `WITH revoked AS (
         UPDATE subscriptions.api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id
       ) SELECT id FROM revoked`,
      [id, at],
    );
    return rows.length > 0;
  }

  /**
   * The unrevoked key with this hash, or undefined. Records that it was used at `at`, when its
   * `last_used_at` is older than LAST_USED_PRECISION_MS (one statement, one round trip).
   */
  async findActiveAndTouch(uow: UnitOfWork, keyHash: string, at: Date): Promise<ActiveApiKey | undefined> {
    const rows: ActiveApiKey[] = await uow.manager.query(
      `WITH active AS (
         SELECT id, name, prefix FROM subscriptions.api_keys WHERE key_hash = $1 AND revoked_at IS NULL
       ), touched AS (
         UPDATE subscriptions.api_keys k SET last_used_at = $2
           FROM active
          WHERE k.id = active.id AND (k.last_used_at IS NULL OR k.last_used_at < $2::timestamptz - $3 * interval '1 millisecond')
         RETURNING k.id
       ) SELECT id, name, prefix FROM active`,
      [keyHash, at, LAST_USED_PRECISION_MS],
    );
    return rows[0] ? { id: rows[0].id, name: rows[0].name, prefix: rows[0].prefix } : undefined;
  }
}
