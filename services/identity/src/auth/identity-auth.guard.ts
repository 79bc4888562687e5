import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest, AuthGuard, JwtAccessTokenVerifier, unauthenticated } from '@obolus/auth';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { SessionsRepository } from '../sessions/sessions.repository';

/**
 * The shared guard, plus one check only identity can make cheaply: the token's session is still
 * live and its role current. Sign-out, a password change, a role change or a closure take effect
 * here at once; other services refuse revoked sessions from `session.revoked` within seconds.
 */
@Injectable()
export class IdentityAuthGuard extends AuthGuard {
  constructor(
    reflector: Reflector,
    @Inject(JwtAccessTokenVerifier) verifier: JwtAccessTokenVerifier,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
  ) {
    super(reflector, verifier);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!(await super.canActivate(context))) return false;
    const principal =
      context.getType() === 'http' ? context.switchToHttp().getRequest<AuthenticatedRequest>().principal : undefined;
    if (!principal) return true;
    if (!principal.sessionId) throw unauthenticated('the session has ended; sign in again');
    const manager = this.dataSource.manager;
    if (principal.kind === 'staff') {
      if (!(await this.sessions.liveStaffSession(manager, principal.staffId, principal.sessionId)))
        throw unauthenticated('the session has ended; sign in again');
      return true;
    }
    const live = await this.sessions.liveCustomerSession(manager, principal.accountId, principal.userId, principal.sessionId);
    if (!live || live.accountStatus !== 'active' || live.role !== principal.role)
      throw unauthenticated('the session has ended; sign in again');
    return true;
  }
}
