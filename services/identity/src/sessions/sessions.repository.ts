import { Injectable } from '@nestjs/common';
import { CustomerRole } from '@obolus/auth';
import { UnitOfWork } from '@obolus/messaging';

export interface NewSession {
  id: string;
  kind: 'customer' | 'staff';
  accountId?: string;
  userId?: string;
  staffId?: string;
  clientIp?: string;
  userAgent?: string;
}

export interface RefreshTokenRow {
  sessionId: string;
  kind: 'customer' | 'staff';
  accountId: string | null;
  userId: string | null;
  staffId: string | null;
  expiresAt: Date;
  spentAt: Date | null;
  sessionRevokedAt: Date | null;
}

export interface LiveSessionSubject {
  role: CustomerRole;
  accountStatus: string;
}

/** A session that a revoke statement has just ended. Staff sessions have no account nor user. */
export interface RevokedSession {
  sessionId: string;
  accountId: string | null;
  userId: string | null;
  revokedAt: Date;
}

const REVOKED_COLUMNS = 'id, account_id, user_id, revoked_at';

type RevokedRow = { id: string; account_id: string | null; user_id: string | null; revoked_at: Date };

/** An UPDATE ... RETURNING answers [rows, count]. */
function revokedSessionsOf(result: unknown): RevokedSession[] {
  const [rows] = result as [RevokedRow[], number];
  return rows.map((row) => ({
    sessionId: row.id,
    accountId: row.account_id,
    userId: row.user_id,
    revokedAt: row.revoked_at,
  }));
}

/** Sign-in sessions and the rotating refresh tokens of each (a family per session). */
@Injectable()
export class SessionsRepository {
  async insertSession({ manager }: UnitOfWork, session: NewSession): Promise<void> {
    await manager.query(
      `INSERT INTO identity.sessions (id, kind, account_id, user_id, staff_id, client_ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        session.id,
        session.kind,
        session.accountId ?? null,
        session.userId ?? null,
        session.staffId ?? null,
        session.clientIp ?? null,
        session.userAgent?.slice(0, 300) ?? null,
      ],
    );
  }

  async insertRefreshToken({ manager }: UnitOfWork, sessionId: string, hash: Buffer, expiresAt: Date): Promise<void> {
    await manager.query(`INSERT INTO identity.refresh_tokens (token_hash, session_id, expires_at) VALUES ($1, $2, $3)`, [
      hash,
      sessionId,
      expiresAt,
    ]);
  }

  /** The token and its session, locked until the caller's transaction ends (one rotation at a time). */
  async lockRefreshToken({ manager }: UnitOfWork, hash: Buffer): Promise<RefreshTokenRow | undefined> {
    const rows = (await manager.query(
      `SELECT s.id AS session_id, s.kind, s.account_id, s.user_id, s.staff_id, s.revoked_at, t.expires_at, t.spent_at
         FROM identity.refresh_tokens t JOIN identity.sessions s ON s.id = t.session_id
        WHERE t.token_hash = $1
        FOR UPDATE OF t, s`,
      [hash],
    )) as {
      session_id: string;
      kind: 'customer' | 'staff';
      account_id: string | null;
      user_id: string | null;
      staff_id: string | null;
      revoked_at: Date | null;
      expires_at: Date;
      spent_at: Date | null;
    }[];
    const row = rows[0];
    return row
      ? {
          sessionId: row.session_id,
          kind: row.kind,
          accountId: row.account_id,
          userId: row.user_id,
          staffId: row.staff_id,
          expiresAt: row.expires_at,
          spentAt: row.spent_at,
          sessionRevokedAt: row.revoked_at,
        }
      : undefined;
  }

  async spendRefreshToken({ manager }: UnitOfWork, hash: Buffer): Promise<void> {
    await manager.query(`UPDATE identity.refresh_tokens SET spent_at = now() WHERE token_hash = $1`, [hash]);
  }

  revokeSession(uow: UnitOfWork, sessionId: string, reason: string): Promise<RevokedSession[]> {
    return this.revokeWhere(uow, 'id = $2', [reason, sessionId]);
  }

  /** Ends every session of a user of the account, but the one given. */
  revokeUserSessions(
    uow: UnitOfWork,
    accountId: string,
    userId: string,
    reason: string,
    keepSessionId?: string,
  ): Promise<RevokedSession[]> {
    return this.revokeWhere(uow, 'account_id = $2 AND user_id = $3 AND ($4::uuid IS NULL OR id <> $4::uuid)', [
      reason,
      accountId,
      userId,
      keepSessionId ?? null,
    ]);
  }

  revokeAccountSessions(uow: UnitOfWork, accountId: string, reason: string): Promise<RevokedSession[]> {
    return this.revokeWhere(uow, 'account_id = $2', [reason, accountId]);
  }

  /** Ends the open sessions that `where` selects ($1 is the reason), answering those it ended. */
  private async revokeWhere({ manager }: UnitOfWork, where: string, params: unknown[]): Promise<RevokedSession[]> {
    return revokedSessionsOf(
      await manager.query(
        `UPDATE identity.sessions SET revoked_at = now(), revoked_reason = $1 WHERE ${where} AND revoked_at IS NULL
         RETURNING ${REVOKED_COLUMNS}`,
        params,
      ),
    );
  }

  /** The user's current role when the session is live and its account active; undefined otherwise. */
  async liveCustomerSession(
    { manager }: UnitOfWork,
    accountId: string,
    userId: string,
    sessionId: string,
  ): Promise<LiveSessionSubject | undefined> {
    const rows = (await manager.query(
      `SELECT u.role, a.status
         FROM identity.sessions s
         JOIN identity.users u ON u.id = s.user_id
         JOIN identity.accounts a ON a.id = s.account_id
        WHERE s.id = $1 AND s.account_id = $2 AND s.user_id = $3 AND s.revoked_at IS NULL`,
      [sessionId, accountId, userId],
    )) as { role: CustomerRole; status: string }[];
    return rows[0] ? { role: rows[0].role, accountStatus: rows[0].status } : undefined;
  }

  async liveStaffSession({ manager }: UnitOfWork, staffId: string, sessionId: string): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM identity.sessions s JOIN identity.staff_users st ON st.id = s.staff_id
        WHERE s.id = $1 AND s.staff_id = $2 AND s.revoked_at IS NULL AND st.disabled_at IS NULL`,
      [sessionId, staffId],
    );
    return rows.length > 0;
  }
}
