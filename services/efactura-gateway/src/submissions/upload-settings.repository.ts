import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';

/** E1: a valid document is uploaded at once (automatic, the default) or held until the owner sends it (manual). */
export type UploadMode = 'automatic' | 'manual';
export const UPLOAD_MODES: readonly UploadMode[] = ['automatic', 'manual'];

export interface UploadSettings {
  accountId: string;
  uploadMode: UploadMode;
  /** Null while the account never chose (automatic). */
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** Each account's upload mode; an account without a row uploads automatically. */
@Injectable()
export class UploadSettingsRepository {
  async find({ manager }: UnitOfWork, accountId: string): Promise<UploadSettings> {
    const rows: { upload_mode: UploadMode; updated_at: Date; updated_by: string }[] = await manager.query(
      `SELECT upload_mode, updated_at, updated_by FROM efactura_gateway.upload_settings WHERE account_id = $1`,
      [accountId],
    );
    const row = rows[0];
    return row
      ? { accountId, uploadMode: row.upload_mode, updatedAt: new Date(row.updated_at), updatedBy: row.updated_by }
      : { accountId, uploadMode: 'automatic', updatedAt: null, updatedBy: null };
  }

  async save(
    { manager }: UnitOfWork,
    settings: { accountId: string; uploadMode: UploadMode; at: Date; by: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO efactura_gateway.upload_settings (account_id, upload_mode, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id) DO UPDATE SET upload_mode = EXCLUDED.upload_mode, updated_at = EXCLUDED.updated_at,
         updated_by = EXCLUDED.updated_by`,
      [settings.accountId, settings.uploadMode, settings.at, settings.by],
    );
  }
}
