import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest, AuthenticatedPrincipal, AuthGuard, JwtAccessTokenVerifier, unauthenticated } from '@obolus/auth';
import { UnitOfWork, UnitOfWorkRunner } from '@obolus/messaging';
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
    // Named explicitly: without it the runner reached the guard undefined (the parameter follows AuthGuard's own).
    @Inject(UnitOfWorkRunner) private readonly work: UnitOfWorkRunner,
    private readonly sessions: SessionsRepository,
  ) {
    super(reflector, verifier);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!(await super.canActivate(context))) return false;
    const principal =
      context.getType() === 'http' ? context.switchToHttp().getRequest<AuthenticatedRequest>().principal : undefined;
    if (!principal) return true;
    const { sessionId } = principal;
    if (!sessionId || !(await this.work.run((uow) => this.isLive(uow, principal, sessionId))))
      throw unauthenticated('the session has ended; sign in again');
    return true;
  }

  /** The session is not revoked, its staff member not disabled, its account active and its role unchanged. */
  private async isLive(uow: UnitOfWork, principal: AuthenticatedPrincipal, sessionId: string): Promise<boolean> {
    if (principal.kind === 'staff') return this.sessions.liveStaffSession(uow, principal.staffId, sessionId);
    const live = await this.sessions.liveCustomerSession(uow, principal.accountId, principal.userId, sessionId);
    return Boolean(live && live.accountStatus === 'active' && live.role === principal.role);
  }
}
