import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ServiceOnly } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { asPdfFile } from './pdf/pdf-response';
import { GetInvoicePdfCommand } from './use-cases/get-invoice-pdf/get-invoice-pdf.command';
import { GetInvoicePdfUseCase } from './use-cases/get-invoice-pdf/get-invoice-pdf.use-case';

/** Invoices for other Obolus services (the bytes that events refer to); no customer token works here. */
@Controller('internal/invoices')
@ServiceOnly('notifications')
export class InternalInvoicesController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly getPdf: GetInvoicePdfUseCase,
  ) {}

  @Get(':invoiceId/pdf')
  async pdf(@Param('invoiceId', ParseUUIDPipe) invoiceId: string): Promise<StreamableFile> {
    return asPdfFile(await this.work.run((uow) => this.getPdf.execute(GetInvoicePdfCommand.create({ invoiceId }), uow)));
  }
}
