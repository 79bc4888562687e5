import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authUnavailable, forbidden, unauthenticated } from './auth-errors';
import { AuthenticatedRequest, IS_PUBLIC, REQUIRED_ROLES, STAFF_MAY_READ, STAFF_ONLY } from './decorators';
import { JwtAccessTokenVerifier } from './jwt-access-token-verifier';
import { CustomerRole } from './principal';
import { RevocationList } from './revocation-list';

interface HttpRequest extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Secure by default: every HTTP route needs a valid access token unless it is `@Public()`.
 * Customer routes refuse staff tokens and `@StaffOnly()` routes refuse customer tokens; `@Roles()`
 * narrows a customer route to some roles. A token whose session identity ended, or whose user
 * identity removed from the account, is refused (the revocation list); until that list has read
 * identity's revocations the guard answers 503 rather than let a revoked token in. Kafka handlers are
 * not HTTP and pass through.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JwtAccessTokenVerifier) private readonly verifier: JwtAccessTokenVerifier,
    // identity checks its own sessions table instead, and provides no list.
    @Optional() @Inject(RevocationList) private readonly revocations?: RevocationList,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<HttpRequest>();
    const token = await this.verifier.verifyToken(bearerTokenOf(request));
    if (this.revocations) {
      if (!this.revocations.isCaughtUp) throw authUnavailable();
      const refusal = this.revocations.refusalOf(token);
      if (refusal) throw unauthenticated(refusal);
    }
    const { principal } = token;

    const staffRoles = this.reflector.getAllAndOverride<string[] | undefined>(STAFF_ONLY, targets);
    if (staffRoles) {
      if (principal.kind !== 'staff') throw forbidden('this route is for Obolus staff only');
      if (staffRoles.length && !staffRoles.some((role) => principal.roles.includes(role))) {
        throw forbidden(`this route needs the staff role ${staffRoles.join(' or ')}`);
      }
    } else if (principal.kind === 'staff') {
      const readable = this.reflector.getAllAndOverride<boolean | undefined>(STAFF_MAY_READ, targets);
      const method = String((request as { method?: string }).method ?? 'GET').toUpperCase();
      if (!readable || (method !== 'GET' && method !== 'HEAD')) throw forbidden('staff tokens are for the console routes only');
    } else {
      const roles = this.reflector.getAllAndOverride<CustomerRole[] | undefined>(REQUIRED_ROLES, targets);
      if (roles?.length && !roles.includes(principal.role)) throw forbidden(`this action needs the role ${roles.join(' or ')}`);
    }
    request.principal = principal;
    return true;
  }
}

function bearerTokenOf(request: HttpRequest): string {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header) throw unauthenticated('an access token is required: Authorization: Bearer <token>');
  const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(header.trim());
  const token = match?.[1];
  if (!token) throw unauthenticated('the Authorization header must be: Bearer <token>');
  return token;
}
