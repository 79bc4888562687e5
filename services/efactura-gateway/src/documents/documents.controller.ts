import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { StaffMayRead, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Response } from 'express';
import { DocumentEntity } from './entities/document.entity';
import { GetDocumentXmlCommand } from './use-cases/get-document-xml/get-document-xml.command';
import { GetDocumentXmlUseCase, XmlFile } from './use-cases/get-document-xml/get-document-xml.use-case';
import { ListDocumentsCommand } from './use-cases/list-documents/list-documents.command';
import { ListDocumentsUseCase } from './use-cases/list-documents/list-documents.use-case';

const sendXml = (response: Response, { filename, xml }: XmlFile): void => {
  response
    .status(200)
    .setHeader('content-type', 'application/xml; charset=utf-8')
    .setHeader('content-disposition', `attachment; filename="${filename}"`)
    .send(xml);
};

/** E1: the XML of each Romanian invoice and credit note, downloadable in one click, with its validation status. */
@StaffMayRead()
@Controller('accounts/:accountId/efactura')
export class DocumentsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly listDocuments: ListDocumentsUseCase,
    private readonly getXml: GetDocumentXmlUseCase,
  ) {}

  @Get('documents')
  list(@TenantAccountId() accountId: string): Promise<DocumentEntity[]> {
    return this.work.run((uow) => this.listDocuments.execute(ListDocumentsCommand.create({ accountId }), uow));
  }

  @Get('invoices/:invoiceId/xml')
  async xml(
    @TenantAccountId() accountId: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
    @Res() response: Response,
  ): Promise<void> {
    sendXml(
      response,
      await this.work.run((uow) => this.getXml.execute(GetDocumentXmlCommand.create({ accountId, invoiceId }), uow)),
    );
  }

  @Get('credit-notes/:creditNoteId/xml')
  async creditNoteXml(
    @TenantAccountId() accountId: string,
    @Param('creditNoteId', ParseUUIDPipe) creditNoteId: string,
    @Res() response: Response,
  ): Promise<void> {
    const command = GetDocumentXmlCommand.create({ accountId, invoiceId: creditNoteId, kind: 'credit-note' });
    sendXml(response, await this.work.run((uow) => this.getXml.execute(command, uow)));
  }
}
