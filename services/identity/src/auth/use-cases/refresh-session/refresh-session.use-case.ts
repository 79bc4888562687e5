import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { AccountsRepository } from '../../../accounts/accounts.repository';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { hashOpaqueToken } from '../../../credentials/opaque-token';
import { IdentityError } from '../../../identity.errors';
import { SessionRevocations } from '../../../sessions/session-revocations';
import { SessionSubject, SessionTokens, TokenPair } from '../../../sessions/session-tokens';
import { RefreshTokenRow, SessionsRepository } from '../../../sessions/sessions.repository';
import { StaffRepository } from '../../../staff/staff.repository';
import { UsersRepository } from '../../../users/users.repository';
import { RefreshSessionCommand } from './refresh-session.command';

type Outcome = { pair: TokenPair } | { refused: 'invalid' | 'reused' };

/**
 * Rotation: a refresh token is exchanged once for a new pair in the same session. Presenting a
 * spent one means it leaked (or was replayed), so the whole session (the token family) is revoked.
 *
 * The revocation of a reused family must commit although the refresh is refused: the refusal is
 * `committingWork()`, so the caller's unit of work commits it before the 401 is answered.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly sessions: SessionsRepository,
    private readonly revocations: SessionRevocations,
    private readonly sessionTokens: SessionTokens,
    private readonly users: UsersRepository,
    private readonly accounts: AccountsRepository,
    private readonly staff: StaffRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: RefreshSessionCommand, uow: UnitOfWork): Promise<TokenPair> {
    const outcome = await this.rotate(uow, command);
    if ('refused' in outcome) throw IdentityError.invalidRefreshToken().committingWork();
    return outcome.pair;
  }

  private async rotate(uow: UnitOfWork, { refreshToken, client }: RefreshSessionCommand): Promise<Outcome> {
    const hash = hashOpaqueToken(refreshToken);
    const token = await this.sessions.lockRefreshToken(uow, hash);
    if (!token) return { refused: 'invalid' };
    if (token.spentAt) {
      await this.revokeReusedFamily(uow, token, client.ip);
      return { refused: 'reused' };
    }
    if (token.sessionRevokedAt || token.expiresAt.getTime() <= this.clock.now().getTime()) return { refused: 'invalid' };
    const subject = await this.subjectOf(uow, token);
    if (!subject) {
      await this.revocations.revokeSession(uow, token.sessionId, 'subject-gone');
      return { refused: 'invalid' };
    }
    await this.sessions.spendRefreshToken(uow, hash);
    return { pair: await this.sessionTokens.issue(uow, token.sessionId, subject) };
  }

  private async revokeReusedFamily(uow: UnitOfWork, token: RefreshTokenRow, clientIp: string): Promise<void> {
    await this.revocations.revokeSession(uow, token.sessionId, 'refresh-token-reuse');
    await this.audit.record(uow, {
      event: 'refresh-token.reused',
      accountId: token.accountId,
      staffId: token.staffId,
      subjectId: token.userId ?? token.staffId,
      clientIp,
      details: { sessionId: token.sessionId },
    });
  }

  /** Who the session is for now: the role is read again, a blocked account or disabled staff gets nothing. */
  private async subjectOf(uow: UnitOfWork, token: RefreshTokenRow): Promise<SessionSubject | undefined> {
    if (token.kind === 'staff' && token.staffId) {
      const staff = await this.staff.find(uow, token.staffId);
      return staff && !staff.disabledAt
        ? { kind: 'staff', staffId: staff.id, email: staff.email, roles: staff.roles }
        : undefined;
    }
    if (!token.accountId || !token.userId) return undefined;
    const [user, account] = await Promise.all([
      this.users.find(uow, token.accountId, token.userId),
      this.accounts.find(uow, token.accountId),
    ]);
    if (!user || account?.status !== 'active') return undefined;
    return { kind: 'customer', userId: user.id, accountId: user.accountId, role: user.role, email: user.email };
  }
}
