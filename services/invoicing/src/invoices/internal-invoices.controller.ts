import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ServiceOnly } from '@obolus/auth';
import { GetInvoicePdfUseCase, InvoicePdf } from './use-cases/get-invoice-pdf/get-invoice-pdf.use-case';

const asPdfFile = ({ filename, pdf }: InvoicePdf): StreamableFile =>
  new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${filename}"`, length: pdf.length });

/** Invoices for other Obolus services (the bytes that events refer to); no customer token works here. */
@Controller('internal/invoices')
@ServiceOnly('notifications')
export class InternalInvoicesController {
  constructor(private readonly getPdf: GetInvoicePdfUseCase) {}

  @Get(':invoiceId/pdf')
  async pdf(@Param('invoiceId', ParseUUIDPipe) invoiceId: string): Promise<StreamableFile> {
    return asPdfFile(await this.getPdf.execute(invoiceId));
  }
}
