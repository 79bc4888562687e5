import { Injectable } from '@nestjs/common';
import { insertIfAbsent } from '@obolus/database';
import { UnitOfWork } from '@obolus/messaging';
import { DocumentEntity, DocumentKind } from './entities/document.entity';

export interface StoredXml {
  invoiceNumber: string;
  xml: string;
}

/** The e-Factura documents, one per invoice or credit note, always looked up by their account. */
@Injectable()
export class DocumentsRepository {
  /** Inserts unless the invoice already has its document (a redelivered event); true when inserted. */
  async insertIfAbsent({ manager }: UnitOfWork, document: DocumentEntity): Promise<boolean> {
    return insertIfAbsent(manager, DocumentEntity, document);
  }

  /** The latest 200, newest first, without their XML. */
  listByAccount({ manager }: UnitOfWork, accountId: string): Promise<DocumentEntity[]> {
    return manager.find(DocumentEntity, { where: { accountId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  /** The XML of an invoice's or a credit note's document, when the builder could make one (a refused document has none). */
  async findXml(
    { manager }: UnitOfWork,
    accountId: string,
    invoiceId: string,
    kind: DocumentKind = 'invoice',
  ): Promise<StoredXml | null> {
    const rows: { invoice_number: string; xml: string }[] = await manager.query(
      `SELECT invoice_number, xml FROM efactura_gateway.documents
        WHERE account_id = $1 AND invoice_id = $2 AND kind = $3 AND xml <> ''`,
      [accountId, invoiceId, kind],
    );
    return rows[0] ? { invoiceNumber: rows[0].invoice_number, xml: rows[0].xml } : null;
  }
}
