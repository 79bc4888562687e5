import { createLocalJWKSet, createRemoteJWKSet, errors, JSONWebKeySet, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AuthError, authUnavailable, unauthenticated } from './auth-errors';
import {
  ACCESS_TOKEN_ALGORITHMS,
  ACCESS_TOKEN_TYPE,
  AuthenticatedPrincipal,
  CUSTOMER_AUDIENCE,
  CUSTOMER_ROLES,
  CustomerRole,
  STAFF_AUDIENCE,
  TOKEN_ISSUER,
} from './principal';
import { VerifiedAccessToken } from './revocation-list';

export interface AccessTokenVerifierOptions {
  /** Where identity publishes its public keys; fetched on first use, cached, refetched for an unknown `kid`. */
  jwksUrl?: string;
  /** A key set in hand (tests, or identity verifying its own tokens). */
  jwks?: JSONWebKeySet;
  /** A key resolver in hand; takes precedence over jwks and jwksUrl. */
  keys?: JWTVerifyGetKey;
  issuer?: string;
  /** The audience of customer tokens. */
  audience?: string;
  /** The audience of staff (console) tokens. */
  staffAudience?: string;
  /** Seconds of clock skew tolerated on exp and nbf. */
  clockToleranceSeconds?: number;
}

/**
 * Verifies Obolus access tokens offline: signature with identity's published keys, algorithm pinned
 * to EdDSA (so `none` and HS256-with-the-public-key are refused), `typ` at+jwt, issuer, audience,
 * exp and nbf. Usable inside Nest (AuthModule) or on its own.
 */
export class JwtAccessTokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly issuer: string;
  private readonly audience: string;
  private readonly staffAudience: string;
  private readonly clockTolerance: number;

  constructor(options: AccessTokenVerifierOptions) {
    if (options.keys) this.keys = options.keys;
    else if (options.jwks) this.keys = createLocalJWKSet(options.jwks);
    else if (options.jwksUrl)
      this.keys = createRemoteJWKSet(new URL(options.jwksUrl), {
        cooldownDuration: 30_000,
        cacheMaxAge: 10 * 60_000,
        timeoutDuration: 5_000,
      });
    else throw new Error('JwtAccessTokenVerifier needs jwksUrl, jwks or keys');
    this.issuer = options.issuer ?? TOKEN_ISSUER;
    this.audience = options.audience ?? CUSTOMER_AUDIENCE;
    this.staffAudience = options.staffAudience ?? STAFF_AUDIENCE;
    this.clockTolerance = options.clockToleranceSeconds ?? 5;
  }

  /** The principal the token speaks for; throws AuthError (401, or 503 when the keys cannot be fetched). */
  async verify(token: string): Promise<AuthenticatedPrincipal> {
    return (await this.verifyToken(token)).principal;
  }

  /** As `verify`, with when the token was issued (for revocations). */
  async verifyToken(token: string): Promise<VerifiedAccessToken> {
    if (!token || token.length > 8192) throw unauthenticated('the access token is malformed');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: [...ACCESS_TOKEN_ALGORITHMS],
        issuer: this.issuer,
        audience: [this.audience, this.staffAudience],
        typ: ACCESS_TOKEN_TYPE,
        clockTolerance: this.clockTolerance,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      throw this.toAuthError(error);
    }
    return { principal: this.principalOf(payload), issuedAt: new Date(Number(payload.iat) * 1000) };
  }

  private principalOf(payload: JWTPayload): AuthenticatedPrincipal {
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    const sub = payload.sub;
    const email = payload.email;
    const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
    if (typeof sub !== 'string' || typeof email !== 'string') throw unauthenticated('the access token lacks its subject');
    // One audience per kind: a customer token cannot open the console, nor a staff token a tenant.
    if (payload.kind === 'customer' && audiences.length === 1 && audiences[0] === this.audience) {
      const { acc, role } = payload;
      if (typeof acc !== 'string' || !CUSTOMER_ROLES.includes(role as CustomerRole)) {
        throw unauthenticated('the access token lacks its account or role');
      }
      return {
        kind: 'customer',
        userId: sub,
        accountId: acc,
        role: role as CustomerRole,
        email,
        ...(sid ? { sessionId: sid } : {}),
      };
    }
    if (payload.kind === 'staff' && audiences.length === 1 && audiences[0] === this.staffAudience) {
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      return { kind: 'staff', staffId: sub, email, roles, ...(sid ? { sessionId: sid } : {}) };
    }
    throw unauthenticated('the access token is not an Obolus access token');
  }

  private toAuthError(error: unknown): AuthError {
    if (error instanceof errors.JWTExpired) return unauthenticated('the access token has expired');
    if (error instanceof errors.JOSEAlgNotAllowed)
      return unauthenticated('the access token is signed with an algorithm that is not accepted');
    if (error instanceof errors.JWTClaimValidationFailed)
      return unauthenticated(`the access token is not valid here: ${error.message}`);
    if (error instanceof errors.JWKSNoMatchingKey) return unauthenticated('the access token is signed with an unknown key');
    if (error instanceof errors.JWSSignatureVerificationFailed) return unauthenticated('the access token signature is invalid');
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || isNetworkError(error)) {
      return authUnavailable();
    }
    return unauthenticated('the access token is malformed');
  }
}

function isNetworkError(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code ?? '') ||
    (error as Error)?.name === 'AbortError'
  );
}
