import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthenticated } from './auth-errors';
import { AuthenticatedRequest, IS_PUBLIC, REQUIRED_ROLES, STAFF_ONLY } from './decorators';
import { JwtAccessTokenVerifier } from './jwt-access-token-verifier';
import { CustomerRole } from './principal';

interface HttpRequest extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Secure by default: every HTTP route needs a valid access token unless it is `@Public()`.
 * Customer routes refuse staff tokens and `@StaffOnly()` routes refuse customer tokens; `@Roles()`
 * narrows a customer route to some roles. Kafka handlers are not HTTP and pass through.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JwtAccessTokenVerifier) private readonly verifier: JwtAccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<HttpRequest>();
    const principal = await this.verifier.verify(bearerTokenOf(request));

    const staffRoles = this.reflector.getAllAndOverride<string[] | undefined>(STAFF_ONLY, targets);
    if (staffRoles) {
      if (principal.kind !== 'staff') throw forbidden('this route is for Obolus staff only');
      if (staffRoles.length && !staffRoles.some((role) => principal.roles.includes(role))) {
        throw forbidden(`this route needs the staff role ${staffRoles.join(' or ')}`);
      }
    } else {
      if (principal.kind !== 'customer') throw forbidden('staff tokens are for the console routes only');
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
