import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { StaffMayRead, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Response } from 'express';
import { InvoiceEntity } from './entities/invoice.entity';
import { sendPdf } from './pdf/pdf-response';
import { GetInvoicePdfCommand } from './use-cases/get-invoice-pdf/get-invoice-pdf.command';
import { GetInvoicePdfUseCase } from './use-cases/get-invoice-pdf/get-invoice-pdf.use-case';
import { GetInvoiceCommand } from './use-cases/get-invoice/get-invoice.command';
import { GetInvoiceUseCase } from './use-cases/get-invoice/get-invoice.use-case';
import { ListInvoicesCommand } from './use-cases/list-invoices/list-invoices.command';
import { ListInvoicesUseCase } from './use-cases/list-invoices/list-invoices.use-case';

/** I2: the customer's invoices, and each one's PDF. */
@StaffMayRead()
@Controller('accounts/:accountId/invoices')
export class InvoicesController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly listInvoices: ListInvoicesUseCase,
    private readonly getInvoice: GetInvoiceUseCase,
    private readonly getPdf: GetInvoicePdfUseCase,
  ) {}

  @Get()
  list(@TenantAccountId() accountId: string): Promise<InvoiceEntity[]> {
    return this.work.run((uow) => this.listInvoices.execute(ListInvoicesCommand.create({ accountId }), uow));
  }

  @Get(':invoiceId')
  get(@TenantAccountId() accountId: string, @Param('invoiceId', ParseUUIDPipe) invoiceId: string): Promise<InvoiceEntity> {
    return this.work.run((uow) => this.getInvoice.execute(GetInvoiceCommand.create({ accountId, invoiceId }), uow));
  }

  @Get(':invoiceId/pdf')
  async pdf(
    @TenantAccountId() accountId: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(
      response,
      await this.work.run((uow) => this.getPdf.execute(GetInvoicePdfCommand.create({ accountId, invoiceId }), uow)),
    );
  }
}
