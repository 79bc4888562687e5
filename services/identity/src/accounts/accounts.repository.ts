import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountEntity } from './entities/account.entity';
import { UserEntity } from './entities/user.entity';

/** Accounts and their users; every write takes the caller's transaction, every read the account id. */
@Injectable()
export class AccountsRepository {
  async insertAccountWithOwner(manager: EntityManager, account: AccountEntity, owner: UserEntity): Promise<void> {
    await manager.insert(AccountEntity, account);
    await manager.insert(UserEntity, owner);
  }

  find(manager: EntityManager, accountId: string): Promise<AccountEntity | null> {
    return manager.findOne(AccountEntity, { where: { id: accountId } });
  }

  /** Locked for the rest of the caller's transaction. */
  lock(manager: EntityManager, accountId: string): Promise<AccountEntity | null> {
    return manager.findOne(AccountEntity, { where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
  }

  async block(manager: EntityManager, accountId: string, at: Date): Promise<void> {
    await manager.update(AccountEntity, { id: accountId }, { status: 'blocked', closureRequestedAt: at });
  }

  async schedulePurge(manager: EntityManager, accountId: string, purgeAfter: Date): Promise<void> {
    await manager.query(
      `INSERT INTO identity.scheduled_purges (account_id, purge_after) VALUES ($1, $2) ON CONFLICT (account_id) DO NOTHING`,
      [accountId, purgeAfter],
    );
  }

  /** Due purges, claimed so that one replica handles each. */
  async claimDuePurges(manager: EntityManager, limit: number): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT account_id FROM identity.scheduled_purges WHERE purged_at IS NULL AND purge_after <= now()
        ORDER BY purge_after LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as { account_id: string }[];
    return rows.map((row) => row.account_id);
  }

  /**
   * Deletes the account's personal data (users, sessions, tokens, invitations, the trail's
   * addresses) and keeps a tombstone row so the id stays known as closed.
   */
  async purge(manager: EntityManager, accountId: string): Promise<void> {
    await manager.query(`DELETE FROM identity.invitations WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM identity.password_reset_tokens WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM identity.sessions WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM identity.users WHERE account_id = $1`, [accountId]);
    await manager.query(`UPDATE identity.audit_log SET client_ip = NULL, details = '{}' WHERE account_id = $1`, [accountId]);
    await manager.query(
      `UPDATE identity.accounts SET status = 'closed', company_name = '[purged]', purged_at = now() WHERE id = $1`,
      [accountId],
    );
    await manager.query(`UPDATE identity.scheduled_purges SET purged_at = now() WHERE account_id = $1`, [accountId]);
  }
}
