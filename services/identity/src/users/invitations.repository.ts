import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { InvitableRole } from './dto/users.dto';

export interface NewInvitation {
  id: string;
  accountId: string;
  email: string;
  role: InvitableRole;
  tokenHash: Buffer;
  invitedByUserId: string;
  expiresAt: Date;
}

/** An invitation still open: who was invited, as what, until when (never its token). */
export interface PendingInvitation {
  id: string;
  email: string;
  role: InvitableRole;
  invitedAt: Date;
  expiresAt: Date;
}

export interface ClaimedInvitation {
  id: string;
  accountId: string;
  email: string;
  role: InvitableRole;
}

/** Invitations to join an account, stored by the hash of their single-use token. */
@Injectable()
export class InvitationsRepository {
  async insert({ manager }: UnitOfWork, invitation: NewInvitation): Promise<void> {
    await manager.query(
      `INSERT INTO identity.invitations (id, account_id, email, role, token_hash, invited_by_user_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        invitation.id,
        invitation.accountId,
        invitation.email,
        invitation.role,
        invitation.tokenHash,
        invitation.invitedByUserId,
        invitation.expiresAt,
      ],
    );
  }

  /** The account's invitations still open at `now` (unaccepted, unexpired): each holds a seat (A4). */
  async countPending({ manager }: UnitOfWork, accountId: string, now: Date): Promise<number> {
    const rows = (await manager.query(
      `SELECT count(*)::int AS n FROM identity.invitations WHERE account_id = $1 AND accepted_at IS NULL AND expires_at > $2`,
      [accountId, now],
    )) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  /** The account's open invitations at `now`, oldest first. */
  async listPending({ manager }: UnitOfWork, accountId: string, now: Date): Promise<PendingInvitation[]> {
    const rows = (await manager.query(
      `SELECT id, email, role, created_at, expires_at FROM identity.invitations
        WHERE account_id = $1 AND accepted_at IS NULL AND expires_at > $2 ORDER BY created_at, id`,
      [accountId, now],
    )) as { id: string; email: string; role: InvitableRole; created_at: Date; expires_at: Date }[];
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      invitedAt: row.created_at,
      expiresAt: row.expires_at,
    }));
  }

  /**
   * Spends the invitation if it is unused, unexpired at `now` and its account active: one statement,
   * so two concurrent accepts cannot both succeed. The token is all the invitee has: the account is
   * found through it.
   */
  async claim({ manager }: UnitOfWork, tokenHash: Buffer, userId: string, now: Date): Promise<ClaimedInvitation | undefined> {
    const [rows] = (await manager.query(
      `UPDATE identity.invitations i SET accepted_at = $3, accepted_user_id = $2
         FROM identity.accounts a
        WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > $3 AND a.id = i.account_id AND a.status = 'active'
        RETURNING i.id, i.account_id, i.email, i.role`,
      [tokenHash, userId, now],
    )) as [{ id: string; account_id: string; email: string; role: InvitableRole }[], number];
    const row = rows[0];
    return row ? { id: row.id, accountId: row.account_id, email: row.email, role: row.role } : undefined;
  }
}
