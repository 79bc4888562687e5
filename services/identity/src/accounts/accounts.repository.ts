import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { PURGE_CLOSED_ACCOUNT_JOB } from './account-purge-job';
import { AccountEntity } from './entities/account.entity';
import { UserEntity } from './entities/user.entity';

/** Postgres's unique violation: the e-mail address is already a user's (users_email_unique). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

/** Accounts, their closure and purge; every method works in the caller's unit of work and takes the account id. */
@Injectable()
export class AccountsRepository {
  /**
   * Inserts the account and its owner; false when the owner's e-mail address is already a user's
   * (the unit of work is then spoilt: the caller must refuse, so it rolls back).
   */
  async insertAccountWithOwner({ manager }: UnitOfWork, account: AccountEntity, owner: UserEntity): Promise<boolean> {
    try {
      await manager.insert(AccountEntity, account);
      await manager.insert(UserEntity, owner);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  find({ manager }: UnitOfWork, accountId: string): Promise<AccountEntity | null> {
    return manager.findOne(AccountEntity, { where: { id: accountId } });
  }

  /** Locked for the rest of the caller's transaction. */
  lock({ manager }: UnitOfWork, accountId: string): Promise<AccountEntity | null> {
    return manager.findOne(AccountEntity, { where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
  }

  async block({ manager }: UnitOfWork, accountId: string, at: Date): Promise<void> {
    await manager.update(AccountEntity, { id: accountId }, { status: 'blocked', closureRequestedAt: at });
  }

  async schedulePurge({ manager }: UnitOfWork, accountId: string, purgeAfter: Date): Promise<void> {
    await manager.query(
      `INSERT INTO identity.scheduled_purges (account_id, purge_after) VALUES ($1, $2) ON CONFLICT (account_id) DO NOTHING`,
      [accountId, purgeAfter],
    );
  }

  /**
   * The next account whose purge is due at `now` (wall-clock time), claimed (locked) so that one replica
   * handles it. Only accounts closed before their purge became a durable job: an account with a purge job
   * is purged by that job, in the account's time (a test clock's frozen time may be far from now).
   */
  async claimDuePurge({ manager }: UnitOfWork, now: Date): Promise<string | undefined> {
    const rows = (await manager.query(
      `SELECT p.account_id FROM identity.scheduled_purges p WHERE p.purged_at IS NULL AND p.purge_after <= $1
        AND NOT EXISTS (SELECT 1 FROM identity.scheduled_jobs j WHERE j.kind = $2 AND j.job_key = p.account_id::text)
        ORDER BY p.purge_after LIMIT 1 FOR UPDATE OF p SKIP LOCKED`,
      [now, PURGE_CLOSED_ACCOUNT_JOB],
    )) as { account_id: string }[];
    return rows[0]?.account_id;
  }

  /** Locks the account's purge while it is still pending; false when it was purged already or never planned. */
  async claimPurge({ manager }: UnitOfWork, accountId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT account_id FROM identity.scheduled_purges WHERE account_id = $1 AND purged_at IS NULL FOR UPDATE`,
      [accountId],
    )) as { account_id: string }[];
    return rows.length > 0;
  }

  /**
   * Deletes the account's personal data across identity's tables (users, sessions, tokens,
   * invitations, data exports, the trail's addresses) and keeps a tombstone row so the id stays known as closed.
   */
  async purge({ manager }: UnitOfWork, accountId: string, at: Date): Promise<void> {
    await manager.query(`DELETE FROM identity.account_exports WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM identity.invitations WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM identity.password_reset_tokens WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM identity.sessions WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM identity.users WHERE account_id = $1`, [accountId]);
    await manager.query(`UPDATE identity.audit_log SET client_ip = NULL, details = '{}' WHERE account_id = $1`, [accountId]);
    await manager.query(
      `UPDATE identity.accounts SET status = 'closed', company_name = '[purged]', purged_at = $2 WHERE id = $1`,
      [accountId, at],
    );
    await manager.query(`UPDATE identity.scheduled_purges SET purged_at = $2 WHERE account_id = $1`, [accountId, at]);
  }
}
