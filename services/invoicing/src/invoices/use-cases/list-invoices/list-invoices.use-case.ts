import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { InvoiceEntity } from '../../entities/invoice.entity';
import { InvoicesRepository } from '../../invoices.repository';
import { ListInvoicesCommand } from './list-invoices.command';

/** I2: the account's invoices, newest first (the latest 200). */
@Injectable()
export class ListInvoicesUseCase {
  constructor(private readonly invoices: InvoicesRepository) {}

  execute(command: ListInvoicesCommand, uow: UnitOfWork): Promise<InvoiceEntity[]> {
    return this.invoices.listInvoices(uow, command.accountId);
  }
}
