import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { CreditNotesRepository } from '../../../credit-notes/credit-notes.repository';
import { InvoicingError } from '../../../invoicing.errors';
import { InvoicesRepository } from '../../../invoices/invoices.repository';
import { EfacturaDocuments, EfacturaXml } from '../../efactura-documents';
import { GetDocumentXmlCommand } from './get-document-xml.command';

/**
 * I2: one route for a document's downloads. The invoice or credit note must be the account's, issued
 * by a Romanian seller; its XML is fetched from efactura-gateway, which builds and keeps it, by the
 * document's id. Other sellers' documents have only their PDF.
 */
@Injectable()
export class GetDocumentXmlUseCase {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly creditNotes: CreditNotesRepository,
    private readonly documents: EfacturaDocuments,
  ) {}

  async execute(command: GetDocumentXmlCommand, uow: UnitOfWork): Promise<EfacturaXml> {
    const document =
      command.kind === 'invoice'
        ? await this.invoices.findInvoice(uow, command.accountId, command.documentId)
        : await this.creditNotes.find(uow, command.accountId, command.documentId);
    if (!document) throw command.kind === 'invoice' ? InvoicingError.invoiceNotFound() : InvoicingError.creditNoteNotFound();
    if (document.seller.address.country !== 'RO') throw InvoicingError.noEfacturaXml(document.number);
    const xml = await this.documents.xml(command.kind, command.accountId, command.documentId, command.authorization);
    return { filename: `${document.number}.xml`, xml };
  }
}
