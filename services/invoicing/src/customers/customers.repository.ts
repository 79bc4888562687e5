import { Injectable } from '@nestjs/common';
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
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(CustomerEntity)
      .values(customer)
      .orIgnore()
      .returning(['account_id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }
}
