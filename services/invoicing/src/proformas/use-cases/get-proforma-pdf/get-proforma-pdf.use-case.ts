import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { InvoicingError } from '../../../invoicing.errors';
import { InvoicePdf } from '../../../invoices/use-cases/get-invoice-pdf/get-invoice-pdf.use-case';
import { ProformasRepository } from '../../proformas.repository';
import { GetProformaPdfCommand } from './get-proforma-pdf.command';

/** The stored PDF of a proforma: for the customer within its account, and for notifications' e-mail. */
@Injectable()
export class GetProformaPdfUseCase {
  constructor(private readonly proformas: ProformasRepository) {}

  async execute(command: GetProformaPdfCommand, uow: UnitOfWork): Promise<InvoicePdf> {
    const found = command.accountId
      ? await this.proformas.findPdf(uow, command.accountId, command.proformaId)
      : await this.proformas.findPdfById(uow, command.proformaId);
    if (!found) throw InvoicingError.proformaNotFound();
    return { filename: `${found.number}.pdf`, pdf: found.pdf };
  }
}
