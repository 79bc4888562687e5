import { Controller, Get, HttpStatus, Inject, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { TenantAccountId } from '@obolus/auth';
import { ApiError, DATA_SOURCE } from '@obolus/platform';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { InvoiceEntity } from './entities/invoice.entity';
import { InvoicesRepository } from './invoices.repository';

const notFound = () => new ApiError(HttpStatus.NOT_FOUND, 'INVOICE_NOT_FOUND', 'no such invoice');

/** I2: the customer's invoices, and each one's PDF. */
@Controller('accounts/:accountId/invoices')
export class InvoicesController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly invoices: InvoicesRepository,
  ) {}

  @Get()
  list(@TenantAccountId() accountId: string): Promise<InvoiceEntity[]> {
    return this.invoices.listInvoices(this.dataSource.manager, accountId);
  }

  @Get(':invoiceId')
  async get(@TenantAccountId() accountId: string, @Param('invoiceId', ParseUUIDPipe) invoiceId: string): Promise<InvoiceEntity> {
    const invoice = await this.invoices.findInvoice(this.dataSource.manager, accountId, invoiceId);
    if (!invoice) throw notFound();
    return invoice;
  }

  @Get(':invoiceId/pdf')
  async pdf(
    @TenantAccountId() accountId: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
    @Res() response: Response,
  ): Promise<void> {
    const found = await this.invoices.findPdf(this.dataSource.manager, accountId, invoiceId);
    if (!found) throw notFound();
    response
      .status(200)
      .setHeader('content-type', 'application/pdf')
      .setHeader('content-disposition', `attachment; filename="${found.number}.pdf"`)
      .send(found.pdf);
  }
}
