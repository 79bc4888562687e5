import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { IdentityError } from '../../../identity.errors';
import { AccountExportsRepository } from '../../account-exports.repository';
import { ExportDownloadLinks } from '../../export-download-links';
import { AccountExportView, viewOf } from './account-export.view';
import { GetAccountExportCommand } from './get-account-export.command';

/** An export of the caller's account, with a download link while the export's own link is good. */
@Injectable()
export class GetAccountExportUseCase {
  constructor(
    private readonly exports: AccountExportsRepository,
    private readonly links: ExportDownloadLinks,
    private readonly clock: Clock,
  ) {}

  async execute(command: GetAccountExportCommand, uow: UnitOfWork): Promise<AccountExportView> {
    const found = await this.exports.find(uow, command.accountId, command.exportId);
    if (!found) throw IdentityError.notFound();
    const live = found.status === 'ready' && found.expiresAt && found.expiresAt > this.clock.now();
    return viewOf(found, live ? await this.links.linkTo(found.accountId, found.id, found.expiresAt!) : undefined);
  }
}
