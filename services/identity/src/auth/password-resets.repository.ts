import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';

@Injectable()
export class PasswordResetsRepository {
  async insert(
    { manager }: UnitOfWork,
    reset: { tokenHash: Buffer; userId: string; accountId: string; expiresAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO identity.password_reset_tokens (token_hash, user_id, account_id, expires_at) VALUES ($1, $2, $3, $4)`,
      [reset.tokenHash, reset.userId, reset.accountId, reset.expiresAt],
    );
  }

  /** Spends the token if it is unused and unexpired (one statement: a token works once). */
  async claim({ manager }: UnitOfWork, tokenHash: Buffer): Promise<{ userId: string; accountId: string } | undefined> {
    const [rows] = (await manager.query(
      `UPDATE identity.password_reset_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id, account_id`,
      [tokenHash],
    )) as [{ user_id: string; account_id: string }[], number];
    const row = rows[0];
    return row ? { userId: row.user_id, accountId: row.account_id } : undefined;
  }

  /** A new link makes the earlier ones of the user useless. */
  async spendAllOf({ manager }: UnitOfWork, accountId: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE identity.password_reset_tokens SET used_at = now() WHERE account_id = $1 AND user_id = $2 AND used_at IS NULL`,
      [accountId, userId],
    );
  }
}
