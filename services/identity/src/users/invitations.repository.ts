import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface NewInvitation {
  id: string;
  accountId: string;
  email: string;
  role: 'admin' | 'user';
  tokenHash: Buffer;
  invitedByUserId: string;
  expiresAt: Date;
}

export interface ClaimedInvitation {
  id: string;
  accountId: string;
  email: string;
  role: 'admin' | 'user';
}

@Injectable()
export class InvitationsRepository {
  async insert(manager: EntityManager, invitation: NewInvitation): Promise<void> {
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

  /**
   * Spends the invitation if it is unused, unexpired and its account active: one statement, so two
   * concurrent accepts cannot both succeed.
   */
  async claim(manager: EntityManager, tokenHash: Buffer, userId: string): Promise<ClaimedInvitation | undefined> {
    const [rows] = (await manager.query(
      `UPDATE identity.invitations i SET accepted_at = now(), accepted_user_id = $2
         FROM identity.accounts a
        WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > now() AND a.id = i.account_id AND a.status = 'active'
        RETURNING i.id, i.account_id, i.email, i.role`,
      [tokenHash, userId],
    )) as [{ id: string; account_id: string; email: string; role: 'admin' | 'user' }[], number];
    const row = rows[0];
    return row ? { id: row.id, accountId: row.account_id, email: row.email, role: row.role } : undefined;
  }
}
