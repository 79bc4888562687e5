import { Injectable } from '@nestjs/common';
import { insertIfAbsent } from '@obolus/database';
import { UnitOfWork } from '@obolus/messaging';
import { CustomerEntity } from './entities/customer.entity';

/** What invoicing knows of each account from its sign-up, one row per account. */
@Injectable()
export class CustomersRepository {
  findByAccount({ manager }: UnitOfWork, accountId: string): Promise<CustomerEntity | null> {
    return manager.findOne(CustomerEntity, { where: { accountId } });
  }

  /** Inserts unless the account is already known (a redelivered sign-up); true when inserted. */
  async insertIfAbsent({ manager }: UnitOfWork, customer: CustomerEntity): Promise<boolean> {
    return insertIfAbsent(manager, CustomerEntity, customer);
  }
}
