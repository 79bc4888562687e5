import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';

export interface OAuthState {
  state: string;
  accountId: string;
  cif: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** An account's authorisation for one CUI, its tokens still sealed. */
export interface Authorization {
  accountId: string;
  cif: string;
  accessTokenSealed: string;
  refreshTokenSealed: string;
  accessExpiresAt: Date;
  status: 'connected' | 'revoked';
  connectedAt: Date;
  refreshedAt: Date | null;
  lastError: string | null;
}

interface AuthorizationRow {
  account_id: string;
  cif: string;
  access_token_sealed: string;
  refresh_token_sealed: string;
  access_expires_at: Date;
  status: 'connected' | 'revoked';
  connected_at: Date;
  refreshed_at: Date | null;
  last_error: string | null;
}

const authorizationOf = (row: AuthorizationRow): Authorization => ({
  accountId: row.account_id,
  cif: row.cif,
  accessTokenSealed: row.access_token_sealed,
  refreshTokenSealed: row.refresh_token_sealed,
  accessExpiresAt: row.access_expires_at,
  status: row.status,
  connectedAt: row.connected_at,
  refreshedAt: row.refreshed_at,
  lastError: row.last_error,
});

/** OAuth states and authorisations, always looked up by their account (a state by its random value). */
@Injectable()
export class AuthorizationsRepository {
  async insertState({ manager }: UnitOfWork, state: OAuthState, createdAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO efactura_gateway.oauth_states (state, account_id, cif, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [state.state, state.accountId, state.cif, createdAt, state.expiresAt],
    );
  }

  /** Marks an unused, unexpired state used and returns it; undefined when there is none (used, expired or unknown). */
  async consumeState({ manager }: UnitOfWork, state: string, now: Date): Promise<OAuthState | undefined> {
    const rows: { state: string; account_id: string; cif: string; expires_at: Date; used_at: Date }[] = await manager.query(
      // Wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
      `WITH used AS (
         UPDATE efactura_gateway.oauth_states SET used_at = $2
          WHERE state = $1 AND used_at IS NULL AND expires_at > $2
          RETURNING state, account_id, cif, expires_at, used_at)
       SELECT * FROM used`,
      [state, now],
    );
    const row = rows[0];
    return row
      ? { state: row.state, accountId: row.account_id, cif: row.cif, expiresAt: row.expires_at, usedAt: row.used_at }
      : undefined;
  }

  async save({ manager }: UnitOfWork, a: Authorization): Promise<void> {
    await manager.query(
      `INSERT INTO efactura_gateway.authorizations
         (account_id, cif, access_token_sealed, refresh_token_sealed, access_expires_at, status, connected_at, refreshed_at, last_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (account_id, cif) DO UPDATE SET
         access_token_sealed = EXCLUDED.access_token_sealed, refresh_token_sealed = EXCLUDED.refresh_token_sealed,
         access_expires_at = EXCLUDED.access_expires_at, status = EXCLUDED.status, connected_at = EXCLUDED.connected_at,
         refreshed_at = EXCLUDED.refreshed_at, last_error = EXCLUDED.last_error`,
      [
        a.accountId,
        a.cif,
        a.accessTokenSealed,
        a.refreshTokenSealed,
        a.accessExpiresAt,
        a.status,
        a.connectedAt,
        a.refreshedAt,
        a.lastError,
      ],
    );
  }

  /** The authorisation, locked until the unit of work ends (so two refreshes never use the same refresh token). */
  async lock({ manager }: UnitOfWork, accountId: string, cif: string): Promise<Authorization | undefined> {
    const rows: AuthorizationRow[] = await manager.query(
      `SELECT * FROM efactura_gateway.authorizations WHERE account_id = $1 AND cif = $2 FOR UPDATE`,
      [accountId, cif],
    );
    return rows[0] ? authorizationOf(rows[0]) : undefined;
  }

  async find({ manager }: UnitOfWork, accountId: string, cif: string): Promise<Authorization | undefined> {
    const rows: AuthorizationRow[] = await manager.query(
      `SELECT * FROM efactura_gateway.authorizations WHERE account_id = $1 AND cif = $2`,
      [accountId, cif],
    );
    return rows[0] ? authorizationOf(rows[0]) : undefined;
  }

  /** Every CUI of the account that was ever connected, by CUI. */
  async listOf({ manager }: UnitOfWork, accountId: string): Promise<Authorization[]> {
    const rows: AuthorizationRow[] = await manager.query(
      `SELECT * FROM efactura_gateway.authorizations WHERE account_id = $1 ORDER BY cif`,
      [accountId],
    );
    return rows.map(authorizationOf);
  }
}
