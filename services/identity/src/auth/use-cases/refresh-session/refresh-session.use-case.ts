import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { hashOpaqueToken } from '../../../credentials/opaque-token';
import { SessionRevocations } from '../../../sessions/session-revocations';
import { SessionsRepository, RefreshTokenRow } from '../../../sessions/sessions.repository';
import { ClientInfo, SessionSubject, SessionTokens, TokenPair } from '../../../sessions/session-tokens';
import { StaffRepository } from '../../../staff/staff.repository';
import { UsersRepository } from '../../../users/users.repository';
import { AccountsRepository } from '../../../accounts/accounts.repository';
import { invalidRefreshToken } from '../../identity.errors';

type Outcome = { pair: TokenPair } | { refused: 'invalid' | 'reused' };

/**
 * Rotation: a refresh token is exchanged once for a new pair in the same session. Presenting a
 * spent one means it leaked (or was replayed), so the whole session (the token family) is revoked.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly revocations: SessionRevocations,
    private readonly sessionTokens: SessionTokens,
    private readonly users: UsersRepository,
    private readonly accounts: AccountsRepository,
    private readonly staff: StaffRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(refreshToken: string, client: ClientInfo): Promise<TokenPair> {
    const hash = hashOpaqueToken(refreshToken);
    // The revocation of a reused family must commit, so the refusal is thrown after the transaction.
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const token = await this.sessions.lockRefreshToken(manager, hash);
      if (!token) return { refused: 'invalid' };
      if (token.spentAt) {
        await this.revocations.revokeSession(manager, token.sessionId, 'refresh-token-reuse');
        await this.audit.record(manager, {
          event: 'refresh-token.reused',
          accountId: token.accountId,
          staffId: token.staffId,
          subjectId: token.userId ?? token.staffId,
          clientIp: client.ip,
          details: { sessionId: token.sessionId },
        });
        return { refused: 'reused' };
      }
      if (token.sessionRevokedAt || token.expiresAt.getTime() <= Date.now()) return { refused: 'invalid' };
      const subject = await this.subjectOf(manager, token);
      if (!subject) {
        await this.revocations.revokeSession(manager, token.sessionId, 'subject-gone');
        return { refused: 'invalid' };
      }
      await this.sessions.spendRefreshToken(manager, hash);
      return { pair: await this.sessionTokens.issue(manager, token.sessionId, subject) };
    });
    if ('refused' in outcome) throw invalidRefreshToken();
    return outcome.pair;
  }

  /** Who the session is for now: the role is read again, a blocked account or disabled staff gets nothing. */
  private async subjectOf(manager: EntityManager, token: RefreshTokenRow): Promise<SessionSubject | undefined> {
    if (token.kind === 'staff' && token.staffId) {
      const staff = await this.staff.find(manager, token.staffId);
      return staff && !staff.disabledAt
        ? { kind: 'staff', staffId: staff.id, email: staff.email, roles: staff.roles }
        : undefined;
    }
    if (!token.accountId || !token.userId) return undefined;
    const [user, account] = await Promise.all([
      this.users.find(manager, token.accountId, token.userId),
      this.accounts.find(manager, token.accountId),
    ]);
    if (!user || account?.status !== 'active') return undefined;
    return { kind: 'customer', userId: user.id, accountId: user.accountId, role: user.role, email: user.email };
  }
}
