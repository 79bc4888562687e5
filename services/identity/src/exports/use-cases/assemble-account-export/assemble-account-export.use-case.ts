import { Inject, Injectable } from '@nestjs/common';
import { AccountExportReadyV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { AccountsRepository } from '../../../accounts/accounts.repository';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { IDENTITY_CONFIG, IdentityConfig } from '../../../identity.config';
import { AccountExportsRepository } from '../../account-exports.repository';
import { assembleExportArchive } from '../../export-archive';
import { ExportDownloadLinks } from '../../export-download-links';
import { ExportSources } from '../../export-sources';
import { IdentityExportPart } from '../../identity-export-part';
import { AssembleAccountExportCommand } from './assemble-account-export.command';

const HOUR_MS = 3_600_000;

/**
 * Runs as the export's durable job: identity's own part and every other service's, into one ZIP with a
 * manifest of SHA-256 digests, kept in identity; then `account.export-ready` carries the signed link that
 * notifications e-mails to the owner. A service that does not answer fails the run, which is retried: an
 * export is never assembled with a part missing. Running it again once ready does nothing.
 */
@Injectable()
export class AssembleAccountExportUseCase {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly accounts: AccountsRepository,
    private readonly exports: AccountExportsRepository,
    private readonly identityPart: IdentityExportPart,
    private readonly sources: ExportSources,
    private readonly links: ExportDownloadLinks,
    private readonly audit: AuditLogRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: AssembleAccountExportCommand, uow: UnitOfWork): Promise<void> {
    const request = await this.exports.lock(uow, command.accountId, command.exportId);
    if (!request || request.status !== 'pending') return;
    const account = await this.accounts.find(uow, command.accountId);
    // Purged meanwhile: there is nothing left to export, and nobody to send it to.
    if (!account || account.purgedAt) return;
    const files = [...(await this.identityPart.filesOf(uow, account.id)), ...(await this.sources.partsOf(account.id))];
    const readyAt = this.clock.now();
    const expiresAt = new Date(readyAt.getTime() + this.config.IDENTITY_EXPORT_LINK_TTL_HOURS * HOUR_MS);
    const archive = assembleExportArchive({ accountId: account.id, exportId: request.id, generatedAt: readyAt }, files);
    await this.exports.markReady(uow, account.id, request.id, {
      archive: archive.zip,
      sha256: archive.sha256,
      fileCount: archive.fileCount,
      readyAt,
      expiresAt,
    });
    await uow.emit(AccountExportReadyV1, {
      accountId: account.id,
      subject: request.id,
      data: {
        accountId: account.id,
        exportId: request.id,
        ownerEmail: request.ownerEmail,
        locale: account.locale,
        downloadUrl: await this.links.linkTo(account.id, request.id, expiresAt),
        expiresAt: expiresAt.toISOString(),
        fileCount: archive.fileCount,
        sizeBytes: archive.zip.length,
        readyAt: readyAt.toISOString(),
      },
    });
    await this.audit.record(uow, {
      event: 'account.export-ready',
      accountId: account.id,
      subjectId: request.id,
      details: { files: archive.fileCount, sha256: archive.sha256 },
    });
  }
}
