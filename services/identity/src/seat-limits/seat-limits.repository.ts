import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';

/** The most users an account's edition allows, as of one version of its subscription. */
export interface SeatLimit {
  accountId: string;
  maxSeats: number;
  /** The edition's code in the catalog (solopreneur, dream-team, …). */
  edition: string;
  /** The subscription's version that set it: grows with every change of the subscription. */
  version: number;
  /** When that change of the subscription took effect. */
  updatedAt: Date;
}

interface SeatLimitRow {
  account_id: string;
  max_seats: number;
  edition: string;
  version: number;
  updated_at: Date;
}

/** Each account's seat limit, kept from subscription.changed; identity asks no other service for it. */
@Injectable()
export class SeatLimitsRepository {
  /**
   * Writes the limit unless the row already holds this version or a newer one (an older event
   * delivered late changes nothing); true when it was written.
   */
  async record({ manager }: UnitOfWork, limit: SeatLimit): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO identity.account_seat_limits AS s (account_id, max_seats, edition, version, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id) DO UPDATE
          SET max_seats = EXCLUDED.max_seats, edition = EXCLUDED.edition, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
        WHERE s.version < EXCLUDED.version
       RETURNING s.account_id`,
      [limit.accountId, limit.maxSeats, limit.edition, limit.version, limit.updatedAt],
    )) as { account_id: string }[];
    return rows.length > 0;
  }

  /**
   * The account's limit, locked for the rest of the caller's transaction, so that invitations and
   * acceptances of one account count its seats one at a time; undefined while none is known.
   */
  async lock({ manager }: UnitOfWork, accountId: string): Promise<SeatLimit | undefined> {
    const rows = (await manager.query(
      `SELECT account_id, max_seats, edition, version, updated_at FROM identity.account_seat_limits
        WHERE account_id = $1 FOR UPDATE`,
      [accountId],
    )) as SeatLimitRow[];
    const row = rows[0];
    return row
      ? {
          accountId: row.account_id,
          maxSeats: row.max_seats,
          edition: row.edition,
          version: row.version,
          updatedAt: row.updated_at,
        }
      : undefined;
  }
}
