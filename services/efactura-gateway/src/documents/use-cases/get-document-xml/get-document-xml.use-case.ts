import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { EfacturaError } from '../../../efactura.errors';
import { DocumentsRepository } from '../../documents.repository';
import { GetDocumentXmlCommand } from './get-document-xml.command';

export interface XmlFile {
  filename: string;
  xml: string;
}

/** E1: an invoice's or a credit note's XML in one click; 404 for another account's document or one the builder refused. */
@Injectable()
export class GetDocumentXmlUseCase {
  constructor(private readonly documents: DocumentsRepository) {}

  async execute(command: GetDocumentXmlCommand, uow: UnitOfWork): Promise<XmlFile> {
    const found = await this.documents.findXml(uow, command.accountId, command.invoiceId, command.kind);
    if (!found) throw EfacturaError.documentNotFound();
    return { filename: `${found.invoiceNumber}.xml`, xml: found.xml };
  }
}
