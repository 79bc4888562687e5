import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { InvoicingError } from '../../../invoicing.errors';
import { InvoiceEntity } from '../../entities/invoice.entity';
import { InvoicesRepository } from '../../invoices.repository';
import { GetInvoiceCommand } from './get-invoice.command';

/** I2: one invoice of the account; another account's invoice is as unknown as a missing one. */
@Injectable()
export class GetInvoiceUseCase {
  constructor(private readonly invoices: InvoicesRepository) {}

  async execute(command: GetInvoiceCommand, uow: UnitOfWork): Promise<InvoiceEntity> {
    const invoice = await this.invoices.findInvoice(uow, command.accountId, command.invoiceId);
    if (!invoice) throw InvoicingError.invoiceNotFound();
    return invoice;
  }
}
