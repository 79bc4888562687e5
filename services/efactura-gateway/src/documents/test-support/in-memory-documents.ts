import { UnitOfWork } from '@obolus/messaging';
import { DocumentsRepository, StoredXml } from '../documents.repository';
import { DocumentEntity, DocumentKind } from '../entities/document.entity';

/** The documents table in memory, one row per invoice or credit note, for use-case specs. */
export class InMemoryDocuments implements Pick<DocumentsRepository, keyof DocumentsRepository> {
  readonly rows = new Map<string, DocumentEntity>();

  async insertIfAbsent(_uow: UnitOfWork, document: DocumentEntity): Promise<boolean> {
    if (this.rows.has(document.invoiceId)) return false;
    this.rows.set(document.invoiceId, structuredClone(document));
    return true;
  }

  async listByAccount(_uow: UnitOfWork, accountId: string): Promise<DocumentEntity[]> {
    return [...this.rows.values()]
      .filter((d) => d.accountId === accountId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, 200)
      .map(({ xml: _xml, ...listed }) => listed as DocumentEntity);
  }

  async findXml(
    _uow: UnitOfWork,
    accountId: string,
    invoiceId: string,
    kind: DocumentKind = 'invoice',
  ): Promise<StoredXml | null> {
    const row = this.rows.get(invoiceId);
    return row && row.accountId === accountId && row.kind === kind && row.xml !== ''
      ? { invoiceNumber: row.invoiceNumber, xml: row.xml }
      : null;
  }
}
