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
import { UnitOfWorkRunner } from '@obolus/messaging';
import { IdentityConfig } from '../identity.config';
import { SigningKeysRepository, StoredSigningKey } from './signing-keys.repository';

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

  static async load(config: IdentityConfig, work: UnitOfWorkRunner, keys: SigningKeysRepository): Promise<SigningKeys> {
    const configured = config.IDENTITY_SIGNING_KEY;
    if (configured) return SigningKeys.fromConfigured(configured, config.IDENTITY_SIGNING_KEY_ID);
    return SigningKeys.fromDatabase(work, keys);
  }

  /** The key set of a configured key only (specs, and deployments that set IDENTITY_SIGNING_KEY). */
  static fromConfig(config: Pick<IdentityConfig, 'IDENTITY_SIGNING_KEY' | 'IDENTITY_SIGNING_KEY_ID'>): Promise<SigningKeys> {
    if (!config.IDENTITY_SIGNING_KEY) throw new Error('IDENTITY_SIGNING_KEY is not set');
    return SigningKeys.fromConfigured(config.IDENTITY_SIGNING_KEY, config.IDENTITY_SIGNING_KEY_ID);
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

  private static async fromDatabase(work: UnitOfWorkRunner, keys: SigningKeysRepository): Promise<SigningKeys> {
    let row = await work.run((uow) => keys.first(uow));
    if (!row) {
      const generated = await SigningKeys.generated();
      await work.run((uow) => keys.insertUnlessAny(uow, generated));
      row = await work.run((uow) => keys.first(uow));
    }
    if (!row) throw new Error('no signing key could be stored');
    return SigningKeys.of((await importJWK(row.privateJwk, 'EdDSA')) as KeyLike, row.publicJwk, row.kid);
  }

  private static async generated(): Promise<StoredSigningKey> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const publicJwk = await exportJWK(publicKey);
    return { kid: await calculateJwkThumbprint(publicJwk), privateJwk: await exportJWK(privateKey), publicJwk };
  }

  private static async of(privateKey: KeyLike, publicJwk: JWK, kid?: string): Promise<SigningKeys> {
    const id = kid ?? (await calculateJwkThumbprint(publicJwk));
    const jwk: JWK = { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, kid: id, alg: 'EdDSA', use: 'sig' };
    return new SigningKeys(id, privateKey, { keys: [jwk] });
  }
}
