import { UnitOfWork } from '@obolus/messaging';
import { CustomersRepository } from '../customers.repository';
import { CustomerEntity } from '../entities/customer.entity';

/** The customers table in memory, one row per account, for use-case specs. */
export class InMemoryCustomers implements Pick<CustomersRepository, keyof CustomersRepository> {
  readonly rows = new Map<string, CustomerEntity>();

  async findByAccount(_uow: UnitOfWork, accountId: string): Promise<CustomerEntity | null> {
    const row = this.rows.get(accountId);
    return row ? { ...row } : null;
  }

  async insertIfAbsent(_uow: UnitOfWork, customer: CustomerEntity): Promise<boolean> {
    if (this.rows.has(customer.accountId)) return false;
    this.rows.set(customer.accountId, { ...customer });
    return true;
  }
}
