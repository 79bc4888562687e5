import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWK, type KeyLike } from 'jose';

/** What the sandbox reads back from a valid access token. */
export interface AccessTokenClaims {
  jti: string;
  clientId: string;
  /** The authorisation (certificate holder's consent) the token was issued under. */
  grantId: string;
}

/**
 * ANAF's access tokens are RS512 JWTs from https://logincert.anaf.ro with `scope` and `serial` (the
 * certificate's serial) claims. The key is made at start; its public half is served as a JWKS.
 */
export class AccessTokens {
  private constructor(
    private readonly privateKey: KeyLike,
    private readonly publicKey: KeyLike,
    private readonly jwk: JWK,
    private readonly issuer: string,
  ) {}

  static async create(issuer: string): Promise<AccessTokens> {
    const { privateKey, publicKey } = await generateKeyPair('RS512', { modulusLength: 2048 });
    const jwk = { ...(await exportJWK(publicKey)), kid: randomUUID(), alg: 'RS512', use: 'sig' };
    return new AccessTokens(privateKey, publicKey, jwk, issuer);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.jwk] };
  }

  issue(claims: { clientId: string; grantId: string; serial: string }, nowMs: number, ttlSeconds: number): Promise<string> {
    const iat = Math.floor(nowMs / 1000);
    return new SignJWT({
      scope: 'clientappid issuer role certserial clientid',
      serial: claims.serial,
      client_id: claims.clientId,
      grant_id: claims.grantId,
    })
      .setProtectedHeader({ alg: 'RS512', typ: 'JWT', kid: this.jwk.kid })
      .setIssuer(this.issuer)
      .setSubject(claims.serial)
      .setAudience(claims.clientId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }

  /** The claims of a token this sandbox signed and that has not expired on the sandbox clock; undefined otherwise. */
  async verify(token: string, nowMs: number): Promise<AccessTokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: this.issuer,
        algorithms: ['RS512'],
        currentDate: new Date(nowMs),
      });
      const { jti, client_id: clientId, grant_id: grantId } = payload;
      if (typeof jti !== 'string' || typeof clientId !== 'string' || typeof grantId !== 'string') return undefined;
      return { jti, clientId, grantId };
    } catch {
      return undefined;
    }
  }
}
