import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { InvoicingError } from '../../../invoicing.errors';
import { InvoicesRepository } from '../../invoices.repository';
import { GetInvoicePdfCommand } from './get-invoice-pdf.command';

export interface InvoicePdf {
  filename: string;
  pdf: Buffer;
}

/**
 * The stored PDF of an issued invoice: for the customer (I2), within its account, and for the services
 * that events refer to it (notifications attaches it to the invoice e-mail): events carry its
 * reference, invoicing serves the bytes.
 */
@Injectable()
export class GetInvoicePdfUseCase {
  constructor(private readonly invoices: InvoicesRepository) {}

  async execute(command: GetInvoicePdfCommand, uow: UnitOfWork): Promise<InvoicePdf> {
    const found = command.accountId
      ? await this.invoices.findPdf(uow, command.accountId, command.invoiceId)
      : await this.invoices.findPdfById(uow, command.invoiceId);
    if (!found) throw InvoicingError.invoiceNotFound();
    return { filename: `${found.number}.pdf`, pdf: found.pdf };
  }
}
