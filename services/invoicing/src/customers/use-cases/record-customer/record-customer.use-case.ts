import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { CustomersRepository } from '../../customers.repository';
import { RecordCustomerCommand } from './record-customer.command';

/** Keeps the owner's address and language of each account, for invoice recipients and wording. */
@Injectable()
export class RecordCustomerUseCase {
  constructor(private readonly customers: CustomersRepository) {}

  async execute(command: RecordCustomerCommand, uow: UnitOfWork): Promise<void> {
    await this.customers.insertIfAbsent(uow, {
      accountId: command.accountId,
      companyName: command.companyName,
      ownerEmail: command.ownerEmail,
      country: command.country,
      catalog: command.catalog,
      locale: command.locale,
      createdAt: new Date(command.createdAt),
    });
  }
}
