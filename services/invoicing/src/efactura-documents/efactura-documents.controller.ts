import { Controller, Get, Headers, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { StaffMayRead, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Response } from 'express';
import { GetDocumentXmlCommand } from './use-cases/get-document-xml/get-document-xml.command';
import { GetDocumentXmlUseCase } from './use-cases/get-document-xml/get-document-xml.use-case';
import { sendXml } from './xml-response';

/** I2: a Romanian invoice's or credit note's UBL XML, beside its PDF, from one service. */
@StaffMayRead()
@Controller('accounts/:accountId')
export class EfacturaDocumentsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly getXml: GetDocumentXmlUseCase,
  ) {}

  @Get('invoices/:invoiceId/xml')
  async invoiceXml(
    @TenantAccountId() accountId: string,
    @Param('invoiceId', ParseUUIDPipe) documentId: string,
    @Headers('authorization') authorization: string,
    @Res() response: Response,
  ): Promise<void> {
    const command = GetDocumentXmlCommand.create({ accountId, kind: 'invoice', documentId, authorization });
    sendXml(response, await this.work.read((uow) => this.getXml.execute(command, uow)));
  }

  @Get('credit-notes/:creditNoteId/xml')
  async creditNoteXml(
    @TenantAccountId() accountId: string,
    @Param('creditNoteId', ParseUUIDPipe) documentId: string,
    @Headers('authorization') authorization: string,
    @Res() response: Response,
  ): Promise<void> {
    const command = GetDocumentXmlCommand.create({ accountId, kind: 'credit-note', documentId, authorization });
    sendXml(response, await this.work.read((uow) => this.getXml.execute(command, uow)));
  }
}
