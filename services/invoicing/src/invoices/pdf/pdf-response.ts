import { StreamableFile } from '@nestjs/common';
import { Response } from 'express';
import { InvoicePdf } from '../use-cases/get-invoice-pdf/get-invoice-pdf.use-case';

/** The customer's download: the PDF as an attachment named after the invoice number. */
export function sendPdf(response: Response, { filename, pdf }: InvoicePdf): void {
  response
    .status(200)
    .setHeader('content-type', 'application/pdf')
    .setHeader('content-disposition', `attachment; filename="${filename}"`)
    .send(pdf);
}

/** The same PDF for another service's call on the internal route. */
export const asPdfFile = ({ filename, pdf }: InvoicePdf): StreamableFile =>
  new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${filename}"`, length: pdf.length });
