import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import {
  authUnavailable,
  forbidden,
  JwtAccessTokenVerifier,
  notFound,
  Principal,
  RevocationList,
  unauthenticated,
} from '@obolus/auth';
import { ApiKeyPrincipal } from './api-key';
import { ApiKeyAuthenticator } from './api-key-authenticator';

/** Who called an entitlements route: a user of the account itself, or an integrating product's key. */
export type EntitlementsPrincipal = Principal | ApiKeyPrincipal;

interface EntitlementsRequest {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
  principal?: EntitlementsPrincipal;
}

/**
 * Access to the entitlements routes (`/accounts/:accountId/entitlements…`, `/accounts/:accountId/usage`),
 * used with `@Public()` (so the global AuthGuard lets the request through to this one) and
 * `@UseGuards(EntitlementsAccessGuard)`. It accepts either
 *
 * - `Authorization: Bearer <access token>` of a user of the route's account: verified and checked
 *   against the revocation list as AuthGuard does (401, or 503 while the list is not caught up);
 *   another account's id answers 404, as if it did not exist; a staff token answers 403; or
 * - `X-Api-Key: obk_…`, a valid, unrevoked API key (ApiKeyAuthenticator): allowed for any account.
 *
 * Neither, both, or one that is not valid: 401. It sets `request.principal` to the customer
 * principal, or `{ kind: 'service', keyId, name }` for a key; read it with `@EntitlementsCaller()`.
 * Use `@Param('accountId')` on these routes, not `@TenantAccountId()`, which refuses a key.
 */
@Injectable()
export class EntitlementsAccessGuard implements CanActivate {
  constructor(
    @Inject(JwtAccessTokenVerifier) private readonly verifier: JwtAccessTokenVerifier,
    private readonly apiKeys: ApiKeyAuthenticator,
    @Optional() @Inject(RevocationList) private readonly revocations?: RevocationList,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<EntitlementsRequest>();
    const apiKey = request.headers['x-api-key'];
    const authorization = request.headers.authorization;
    if (apiKey !== undefined && authorization !== undefined) {
      throw unauthenticated('send either an API key (X-Api-Key) or an access token (Authorization: Bearer), not both');
    }
    if (apiKey !== undefined) {
      request.principal = await this.serviceOf(apiKey);
      return true;
    }
    request.principal = await this.customerOf(authorization, request.params?.accountId);
    return true;
  }

  private async serviceOf(header: string | string[]): Promise<ApiKeyPrincipal> {
    const key = typeof header === 'string' ? await this.apiKeys.authenticate(header.trim()) : undefined;
    if (!key) throw unauthenticated('the API key is not valid, or it was revoked');
    return { kind: 'service', keyId: key.id, name: key.name };
  }

  private async customerOf(header: string | string[] | undefined, accountId: string | undefined): Promise<Principal> {
    if (typeof header !== 'string' || !header) {
      throw unauthenticated('an API key (X-Api-Key: obk_…) or an access token (Authorization: Bearer <token>) is required');
    }
    const token = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(header.trim())?.[1];
    if (!token) throw unauthenticated('the Authorization header must be: Bearer <token>');
    const verified = await this.verifier.verifyToken(token);
    if (this.revocations) {
      if (!this.revocations.isCaughtUp) throw authUnavailable();
      const refusal = this.revocations.refusalOf(verified);
      if (refusal) throw unauthenticated(refusal);
    }
    const { principal } = verified;
    if (principal.kind !== 'customer') throw forbidden('staff tokens are for the console routes only');
    if (accountId === undefined || principal.accountId !== accountId) throw notFound();
    return principal;
  }
}

/** The caller the EntitlementsAccessGuard let through. */
export const EntitlementsCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): EntitlementsPrincipal | undefined =>
    context.switchToHttp().getRequest<EntitlementsRequest>().principal,
);
