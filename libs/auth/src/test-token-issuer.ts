import { exportJWK, generateKeyPair, JSONWebKeySet, KeyLike, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_TYPE, CUSTOMER_AUDIENCE, Principal, STAFF_AUDIENCE, StaffPrincipal, TOKEN_ISSUER } from './principal';

/**
 * Mints access tokens the way identity does, with a throw-away key, for tests of services that
 * sit behind AuthModule: `AuthModule.forRoot({ jwks: issuer.jwks })`, then `issuer.customer({...})`.
 */
export class TestTokenIssuer {
  private constructor(
    private readonly privateKey: KeyLike,
    readonly jwks: JSONWebKeySet,
    readonly kid: string,
  ) {}

  static async create(): Promise<TestTokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const kid = `test-${randomUUID()}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
    return new TestTokenIssuer(privateKey, { keys: [jwk] }, kid);
  }

  customer(principal: Omit<Principal, 'kind'>, ttlSeconds = 900): Promise<string> {
    return this.sign(
      {
        kind: 'customer',
        email: principal.email,
        acc: principal.accountId,
        role: principal.role,
        ...(principal.sessionId ? { sid: principal.sessionId } : {}),
      },
      principal.userId,
      CUSTOMER_AUDIENCE,
      ttlSeconds,
    );
  }

  staff(principal: Omit<StaffPrincipal, 'kind'>, ttlSeconds = 900): Promise<string> {
    return this.sign(
      { kind: 'staff', email: principal.email, roles: principal.roles },
      principal.staffId,
      STAFF_AUDIENCE,
      ttlSeconds,
    );
  }

  private sign(claims: Record<string, unknown>, subject: string, audience: string, ttlSeconds: number): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: this.kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + ttlSeconds)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }
}
