import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';

export type AccountExportStatus = 'pending' | 'ready';

export interface AccountExport {
  id: string;
  accountId: string;
  requestedByUserId: string;
  ownerEmail: string;
  status: AccountExportStatus;
  requestedAt: Date;
  readyAt: Date | null;
  expiresAt: Date | null;
  sizeBytes: number | null;
  fileCount: number | null;
  sha256: string | null;
}

interface ExportRow {
  id: string;
  account_id: string;
  requested_by_user_id: string;
  owner_email: string;
  status: AccountExportStatus;
  requested_at: Date;
  ready_at: Date | null;
  expires_at: Date | null;
  size_bytes: string | null;
  file_count: number | null;
  archive_sha256: string | null;
}

const COLUMNS =
  'id, account_id, requested_by_user_id, owner_email, status, requested_at, ready_at, expires_at, size_bytes, file_count, archive_sha256';

const toExport = (row: ExportRow): AccountExport => ({
  id: row.id,
  accountId: row.account_id,
  requestedByUserId: row.requested_by_user_id,
  ownerEmail: row.owner_email,
  status: row.status,
  requestedAt: new Date(row.requested_at),
  readyAt: row.ready_at ? new Date(row.ready_at) : null,
  expiresAt: row.expires_at ? new Date(row.expires_at) : null,
  sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
  fileCount: row.file_count,
  sha256: row.archive_sha256,
});

/** The account's data exports; every method takes the account id. */
@Injectable()
export class AccountExportsRepository {
  async insert(
    { manager }: UnitOfWork,
    request: { id: string; accountId: string; requestedByUserId: string; ownerEmail: string; requestedAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO identity.account_exports (id, account_id, requested_by_user_id, owner_email, status, requested_at)
       VALUES ($1, $2, $3, $4, 'pending', $5)`,
      [request.id, request.accountId, request.requestedByUserId, request.ownerEmail, request.requestedAt],
    );
  }

  async find({ manager }: UnitOfWork, accountId: string, exportId: string): Promise<AccountExport | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM identity.account_exports WHERE account_id = $1 AND id = $2`, [
      accountId,
      exportId,
    ])) as ExportRow[];
    return rows[0] && toExport(rows[0]);
  }

  /** Locked for the caller's transaction, so that two runs of the job never both assemble it. */
  async lock({ manager }: UnitOfWork, accountId: string, exportId: string): Promise<AccountExport | undefined> {
    const rows = (await manager.query(
      `SELECT ${COLUMNS} FROM identity.account_exports WHERE account_id = $1 AND id = $2 FOR UPDATE`,
      [accountId, exportId],
    )) as ExportRow[];
    return rows[0] && toExport(rows[0]);
  }

  async markReady(
    { manager }: UnitOfWork,
    accountId: string,
    exportId: string,
    ready: { archive: Buffer; sha256: string; fileCount: number; readyAt: Date; expiresAt: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE identity.account_exports
          SET status = 'ready', archive = $3, archive_sha256 = $4, size_bytes = $5, file_count = $6, ready_at = $7, expires_at = $8
        WHERE account_id = $1 AND id = $2`,
      [accountId, exportId, ready.archive, ready.sha256, ready.archive.length, ready.fileCount, ready.readyAt, ready.expiresAt],
    );
  }

  /** The ZIP of a ready export. */
  async archiveOf({ manager }: UnitOfWork, accountId: string, exportId: string): Promise<Buffer | undefined> {
    const rows = (await manager.query(
      `SELECT archive FROM identity.account_exports WHERE account_id = $1 AND id = $2 AND status = 'ready'`,
      [accountId, exportId],
    )) as { archive: Buffer }[];
    return rows[0]?.archive;
  }
}
