import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { IdentityError } from '../../../identity.errors';
import { AccountExportsRepository } from '../../account-exports.repository';
import { ExportDownloadTokens } from '../../export-download-tokens';
import { DownloadAccountExportCommand } from './download-account-export.command';

export interface ExportDownload {
  filename: string;
  bytes: Buffer;
}

/**
 * The ZIP behind a download link. The token, not a session, is the authority: it names the account and the
 * export, and a forged, altered, expired or other export's token is refused (400 INVALID_TOKEN), the same
 * way for each so that it tells nothing. A purged account's export is gone (404).
 */
@Injectable()
export class DownloadAccountExportUseCase {
  constructor(
    private readonly exports: AccountExportsRepository,
    private readonly tokens: ExportDownloadTokens,
  ) {}

  async execute(command: DownloadAccountExportCommand, uow: UnitOfWork): Promise<ExportDownload> {
    const claims = await this.tokens.verify(command.token);
    if (!claims || claims.exportId !== command.exportId) throw IdentityError.invalidToken('download');
    const bytes = await this.exports.archiveOf(uow, claims.accountId, claims.exportId);
    if (!bytes) throw IdentityError.notFound('no such export');
    return { filename: `obolus-export-${claims.exportId}.zip`, bytes };
  }
}
