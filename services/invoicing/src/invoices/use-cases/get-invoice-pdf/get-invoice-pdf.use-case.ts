import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { InvoicesError } from '../../invoices.errors';
import { InvoicesRepository } from '../../invoices.repository';

export interface InvoicePdf {
  filename: string;
  pdf: Buffer;
}

/**
 * The stored PDF of an issued invoice, for the services that events refer to it (notifications attaches
 * it to the invoice e-mail): events carry its reference, invoicing serves the bytes.
 */
@Injectable()
export class GetInvoicePdfUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly invoices: InvoicesRepository,
  ) {}

  async execute(invoiceId: string): Promise<InvoicePdf> {
    const found = await this.invoices.findPdfById(this.dataSource.manager, invoiceId);
    if (!found) throw InvoicesError.invoiceNotFound();
    return { filename: `${found.number}.pdf`, pdf: found.pdf };
  }
}
