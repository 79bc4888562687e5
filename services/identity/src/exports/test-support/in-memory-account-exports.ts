import { UnitOfWork } from '@obolus/messaging';
import { AccountExport, AccountExportsRepository } from '../account-exports.repository';

/** Exports in memory, with their ZIPs, for use-case specs. */
export class InMemoryAccountExports implements Pick<AccountExportsRepository, keyof AccountExportsRepository> {
  readonly rows = new Map<string, AccountExport & { archive?: Buffer }>();

  async insert(
    _uow: UnitOfWork,
    request: { id: string; accountId: string; requestedByUserId: string; ownerEmail: string; requestedAt: Date },
  ): Promise<void> {
    this.rows.set(request.id, {
      ...request,
      status: 'pending',
      readyAt: null,
      expiresAt: null,
      sizeBytes: null,
      fileCount: null,
      sha256: null,
    });
  }

  async find(_uow: UnitOfWork, accountId: string, exportId: string): Promise<AccountExport | undefined> {
    const row = this.rows.get(exportId);
    if (!row || row.accountId !== accountId) return undefined;
    const { archive: _archive, ...found } = row;
    return found;
  }

  lock(uow: UnitOfWork, accountId: string, exportId: string): Promise<AccountExport | undefined> {
    return this.find(uow, accountId, exportId);
  }

  async markReady(
    _uow: UnitOfWork,
    accountId: string,
    exportId: string,
    ready: { archive: Buffer; sha256: string; fileCount: number; readyAt: Date; expiresAt: Date },
  ): Promise<void> {
    const row = this.rows.get(exportId)!;
    Object.assign(row, {
      status: 'ready',
      archive: ready.archive,
      sha256: ready.sha256,
      sizeBytes: ready.archive.length,
      fileCount: ready.fileCount,
      readyAt: ready.readyAt,
      expiresAt: ready.expiresAt,
    });
  }

  async archiveOf(_uow: UnitOfWork, accountId: string, exportId: string): Promise<Buffer | undefined> {
    const row = this.rows.get(exportId);
    return row?.accountId === accountId && row.status === 'ready' ? row.archive : undefined;
  }
}
