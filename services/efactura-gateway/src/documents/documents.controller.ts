import { Controller, Get, HttpStatus, Inject, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { TenantAccountId } from '@obolus/auth';
import { ApiError, DATA_SOURCE } from '@obolus/platform';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { DocumentEntity } from './entities/document.entity';

/** E1: the XML of each Romanian invoice, downloadable in one click, with its validation status. */
@Controller('accounts/:accountId/efactura')
export class DocumentsController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get('documents')
  list(@TenantAccountId() accountId: string): Promise<DocumentEntity[]> {
    return this.dataSource.manager.find(DocumentEntity, { where: { accountId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  @Get('invoices/:invoiceId/xml')
  async xml(
    @TenantAccountId() accountId: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
    @Res() response: Response,
  ): Promise<void> {
    const rows: { invoice_number: string; xml: string }[] = await this.dataSource.query(
      `SELECT invoice_number, xml FROM efactura_gateway.documents WHERE account_id = $1 AND invoice_id = $2 AND xml <> ''`,
      [accountId, invoiceId],
    );
    if (!rows[0]) throw new ApiError(HttpStatus.NOT_FOUND, 'DOCUMENT_NOT_FOUND', 'no e-Factura XML for this invoice');
    response
      .status(200)
      .setHeader('content-type', 'application/xml; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="${rows[0].invoice_number}.xml"`)
      .send(rows[0].xml);
  }
}
