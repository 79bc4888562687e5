import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { JWK } from 'jose';

export interface StoredSigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/** The signing key generated when none is configured, shared by every replica (identity.signing_keys). */
@Injectable()
export class SigningKeysRepository {
  async first({ manager }: UnitOfWork): Promise<StoredSigningKey | undefined> {
    const [row] = (await manager.query(
      `SELECT kid, private_jwk, public_jwk FROM identity.signing_keys ORDER BY created_at LIMIT 1`,
    )) as { kid: string; private_jwk: JWK; public_jwk: JWK }[];
    return row ? { kid: row.kid, privateJwk: row.private_jwk, publicJwk: row.public_jwk } : undefined;
  }

  /** Two replicas starting at once: the first insert wins (a table lock), the other's is dropped. */
  async insertUnlessAny({ manager }: UnitOfWork, key: StoredSigningKey): Promise<void> {
    await manager.query(`LOCK TABLE identity.signing_keys IN EXCLUSIVE MODE`);
    const existing = (await manager.query(`SELECT 1 FROM identity.signing_keys LIMIT 1`)) as unknown[];
    if (existing.length) return;
    await manager.query(`INSERT INTO identity.signing_keys (kid, private_jwk, public_jwk) VALUES ($1, $2, $3)`, [
      key.kid,
      JSON.stringify(key.privateJwk),
      JSON.stringify(key.publicJwk),
    ]);
  }
}
