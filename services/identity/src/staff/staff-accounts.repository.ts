import { Injectable } from '@nestjs/common';
import { CatalogCode, Role } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { AccountStatus } from '../accounts/entities/account.entity';
import { ACCENT_FOLD_FROM, ACCENT_FOLD_TO } from './account-search-terms';

/** An account as the console lists it, with the address of its first owner. */
export interface StaffAccountRow {
  accountId: string;
  companyName: string;
  country: string;
  catalog: CatalogCode;
  status: AccountStatus;
  closureRequestedAt: Date | null;
  createdAt: Date;
  ownerEmail: string | null;
  testClockId: string | null;
}

/** A user of the account, or someone invited who has not joined yet. */
export interface StaffAccountMemberRow {
  userId: string | null;
  email: string;
  role: Role;
  status: 'active' | 'invited';
  since: Date;
}

/** What the console searches by: an exact account id, or a LIKE pattern (folded, escaped) on names and addresses. */
export type AccountSearch = { accountId: string } | { pattern: string };

interface Row {
  id: string;
  company_name: string;
  country: string;
  catalog: CatalogCode;
  status: AccountStatus;
  closure_requested_at: Date | null;
  created_at: Date;
  owner_email: string | null;
  clock_id: string | null;
}

const SUMMARY = `
  SELECT a.id, a.company_name, a.country, a.catalog, a.status, a.closure_requested_at, a.created_at, c.clock_id,
         (SELECT u.email FROM identity.users u WHERE u.account_id = a.id AND u.role = 'owner'
           ORDER BY u.created_at, u.id LIMIT 1) AS owner_email
    FROM identity.accounts a
    LEFT JOIN identity.account_clocks c ON c.account_id = a.id`;

const toSummary = (row: Row): StaffAccountRow => ({
  accountId: row.id,
  companyName: row.company_name,
  country: row.country,
  catalog: row.catalog,
  status: row.status,
  closureRequestedAt: row.closure_requested_at,
  createdAt: row.created_at,
  ownerEmail: row.owner_email,
  testClockId: row.clock_id,
});

/**
 * Every account, for the console (S1): the one reader of identity's tables that is not scoped to the
 * caller's account, since staff belong to none. Only @StaffOnly routes reach it.
 */
@Injectable()
export class StaffAccountsRepository {
  /**
   * Accounts matching the search, newest first. A pattern matches the company name with case and the
   * accents of French and Romanian folded (translate(): no extension needed), or any user's address.
   */
  async search({ manager }: UnitOfWork, search: AccountSearch, limit: number): Promise<StaffAccountRow[]> {
    const rows = (
      'accountId' in search
        ? await manager.query(`${SUMMARY} WHERE a.id = $1 ORDER BY a.created_at DESC, a.id DESC LIMIT $2`, [
            search.accountId,
            limit,
          ])
        : await manager.query(
            `${SUMMARY}
              WHERE translate(lower(a.company_name), $2, $3) LIKE $1 ESCAPE '\\'
                 OR EXISTS (SELECT 1 FROM identity.users m WHERE m.account_id = a.id AND lower(m.email) LIKE $1 ESCAPE '\\')
              ORDER BY a.created_at DESC, a.id DESC
              LIMIT $4`,
            [search.pattern, ACCENT_FOLD_FROM, ACCENT_FOLD_TO, limit],
          )
    ) as Row[];
    return rows.map(toSummary);
  }

  async find({ manager }: UnitOfWork, accountId: string): Promise<StaffAccountRow | undefined> {
    const rows = (await manager.query(`${SUMMARY} WHERE a.id = $1`, [accountId])) as Row[];
    return rows[0] ? toSummary(rows[0]) : undefined;
  }

  /** The account's users, oldest first, then the invitations still open at `now`. */
  async members({ manager }: UnitOfWork, accountId: string, now: Date): Promise<StaffAccountMemberRow[]> {
    const rows = (await manager.query(
      `SELECT id AS user_id, email, role, 'active' AS status, created_at AS since, 0 AS rank
         FROM identity.users WHERE account_id = $1
       UNION ALL
       SELECT NULL, email, role, 'invited', created_at, 1
         FROM identity.invitations WHERE account_id = $1 AND accepted_at IS NULL AND expires_at > $2
       ORDER BY rank, since, email`,
      [accountId, now],
    )) as { user_id: string | null; email: string; role: Role; status: 'active' | 'invited'; since: Date }[];
    return rows.map((row) => ({ userId: row.user_id, email: row.email, role: row.role, status: row.status, since: row.since }));
  }
}
