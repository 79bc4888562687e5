import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  JSONWebKeySet,
  JWK,
  JWTVerifyGetKey,
  KeyLike,
} from 'jose';
import { createPublicKey } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IdentityConfig } from '../identity.config';

/**
 * The Ed25519 key that signs access tokens, and the public key set identity publishes.
 * Production sets IDENTITY_SIGNING_KEY; without it, a key is generated once and kept in
 * identity.signing_keys, so every replica and restart signs with the same key.
 */
export class SigningKeys {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly jwks: JSONWebKeySet;
  /** Identity verifies its own tokens against the same set it publishes. */
  readonly verificationKeys: JWTVerifyGetKey;

  private constructor(kid: string, privateKey: KeyLike, jwks: JSONWebKeySet) {
    this.kid = kid;
    this.privateKey = privateKey;
    this.jwks = jwks;
    this.verificationKeys = createLocalJWKSet(jwks);
  }

  static async load(config: IdentityConfig, dataSource: DataSource): Promise<SigningKeys> {
    const configured = config.IDENTITY_SIGNING_KEY;
    if (configured) return SigningKeys.fromConfigured(configured, config.IDENTITY_SIGNING_KEY_ID);
    return SigningKeys.fromDatabase(dataSource);
  }

  private static async fromConfigured(material: string, kid?: string): Promise<SigningKeys> {
    const trimmed = material.trim();
    let privateKey: KeyLike;
    let publicJwk: JWK;
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as JWK;
      if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d)
        throw new Error('IDENTITY_SIGNING_KEY must be an Ed25519 private JWK');
      privateKey = (await importJWK(jwk, 'EdDSA')) as KeyLike;
      publicJwk = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
    } else {
      privateKey = await importPKCS8(trimmed.replace(/\\n/g, '\n'), 'EdDSA');
      publicJwk = createPublicKey(trimmed.replace(/\\n/g, '\n')).export({ format: 'jwk' }) as JWK;
    }
    return SigningKeys.of(privateKey, publicJwk, kid);
  }

  private static async fromDatabase(dataSource: DataSource): Promise<SigningKeys> {
    const stored = async () =>
      (await dataSource.query(`SELECT kid, private_jwk, public_jwk FROM identity.signing_keys ORDER BY created_at LIMIT 1`)) as {
        kid: string;
        private_jwk: JWK;
        public_jwk: JWK;
      }[];
    let [row] = await stored();
    if (!row) {
      const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      const publicJwk = await exportJWK(publicKey);
      const kid = await calculateJwkThumbprint(publicJwk);
      // Two replicas starting at once: the first insert wins (a table lock), the other reads it.
      await dataSource.transaction(async (manager) => {
        await manager.query(`LOCK TABLE identity.signing_keys IN EXCLUSIVE MODE`);
        const existing = await manager.query(`SELECT 1 FROM identity.signing_keys LIMIT 1`);
        if (!existing.length) {
          await manager.query(`INSERT INTO identity.signing_keys (kid, private_jwk, public_jwk) VALUES ($1, $2, $3)`, [
            kid,
            JSON.stringify(await exportJWK(privateKey)),
            JSON.stringify(publicJwk),
          ]);
        }
      });
      [row] = await stored();
    }
    if (!row) throw new Error('no signing key could be stored');
    return SigningKeys.of((await importJWK(row.private_jwk, 'EdDSA')) as KeyLike, row.public_jwk, row.kid);
  }

  private static async of(privateKey: KeyLike, publicJwk: JWK, kid?: string): Promise<SigningKeys> {
    const id = kid ?? (await calculateJwkThumbprint(publicJwk));
    const jwk: JWK = { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, kid: id, alg: 'EdDSA', use: 'sig' };
    return new SigningKeys(id, privateKey, { keys: [jwk] });
  }
}
