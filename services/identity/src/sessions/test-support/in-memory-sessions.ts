import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { LiveSessionSubject, NewSession, RefreshTokenRow, RevokedSession, SessionsRepository } from '../sessions.repository';

export interface SessionRow extends NewSession {
  revokedAt: Date | null;
  revokedReason: string | null;
}

interface RefreshRow {
  sessionId: string;
  expiresAt: Date;
  spentAt: Date | null;
}

/** Sessions and their refresh tokens in memory, for use-case specs. */
export class InMemorySessions implements Pick<SessionsRepository, keyof SessionsRepository> {
  readonly sessions = new Map<string, SessionRow>();
  readonly refreshTokens = new Map<string, RefreshRow>();
  /** For liveCustomerSession: the role and account status of a user, as the join would find them. */
  subjectOf: (accountId: string, userId: string) => LiveSessionSubject | undefined = () => undefined;

  constructor(private readonly clock: Clock) {}

  async insertSession(_uow: UnitOfWork, session: NewSession): Promise<void> {
    this.sessions.set(session.id, { ...session, revokedAt: null, revokedReason: null });
  }

  async insertRefreshToken(_uow: UnitOfWork, sessionId: string, hash: Buffer, expiresAt: Date): Promise<void> {
    this.refreshTokens.set(hash.toString('hex'), { sessionId, expiresAt, spentAt: null });
  }

  async lockRefreshToken(_uow: UnitOfWork, hash: Buffer): Promise<RefreshTokenRow | undefined> {
    const token = this.refreshTokens.get(hash.toString('hex'));
    const session = token && this.sessions.get(token.sessionId);
    if (!token || !session) return undefined;
    return {
      sessionId: session.id,
      kind: session.kind,
      accountId: session.accountId ?? null,
      userId: session.userId ?? null,
      staffId: session.staffId ?? null,
      expiresAt: token.expiresAt,
      spentAt: token.spentAt,
      sessionRevokedAt: session.revokedAt,
    };
  }

  async spendRefreshToken(_uow: UnitOfWork, hash: Buffer): Promise<void> {
    const token = this.refreshTokens.get(hash.toString('hex'));
    if (token) token.spentAt = this.clock.now();
  }

  async revokeSession(_uow: UnitOfWork, sessionId: string, reason: string): Promise<RevokedSession[]> {
    return this.revokeWhere((s) => s.id === sessionId, reason);
  }

  async revokeUserSessions(
    _uow: UnitOfWork,
    accountId: string,
    userId: string,
    reason: string,
    keepSessionId?: string,
  ): Promise<RevokedSession[]> {
    return this.revokeWhere((s) => s.accountId === accountId && s.userId === userId && s.id !== keepSessionId, reason);
  }

  async revokeAccountSessions(_uow: UnitOfWork, accountId: string, reason: string): Promise<RevokedSession[]> {
    return this.revokeWhere((s) => s.accountId === accountId, reason);
  }

  async liveCustomerSession(
    _uow: UnitOfWork,
    accountId: string,
    userId: string,
    sessionId: string,
  ): Promise<LiveSessionSubject | undefined> {
    const session = this.sessions.get(sessionId);
    if (!session || session.revokedAt || session.accountId !== accountId || session.userId !== userId) return undefined;
    return this.subjectOf(accountId, userId);
  }

  async liveStaffSession(_uow: UnitOfWork, staffId: string, sessionId: string): Promise<boolean> {
    const session = this.sessions.get(sessionId);
    return Boolean(session && !session.revokedAt && session.staffId === staffId);
  }

  /** The sessions still open, for assertions. */
  open(): SessionRow[] {
    return [...this.sessions.values()].filter((s) => !s.revokedAt);
  }

  private revokeWhere(matches: (session: SessionRow) => boolean, reason: string): RevokedSession[] {
    const revokedAt = this.clock.now();
    return [...this.sessions.values()]
      .filter((s) => !s.revokedAt && matches(s))
      .map((s) => {
        Object.assign(s, { revokedAt, revokedReason: reason });
        return { sessionId: s.id, accountId: s.accountId ?? null, userId: s.userId ?? null, revokedAt };
      });
  }
}
