import { Injectable } from '@nestjs/common';
import { AccountCreatedV1Data, CloudEvent } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { CustomerEntity } from '../../customer.entity';

/** Keeps the owner's address and language of each account, for invoice recipients and wording. */
@Injectable()
export class RecordCustomerUseCase {
  async execute(event: CloudEvent<AccountCreatedV1Data>, { manager }: EventHandlerContext): Promise<void> {
    const account = event.data;
    await manager
      .createQueryBuilder()
      .insert()
      .into(CustomerEntity)
      .values({
        accountId: account.accountId,
        companyName: account.companyName,
        ownerEmail: account.ownerEmail,
        country: account.country,
        catalog: account.catalog,
        locale: account.locale,
        createdAt: new Date(account.createdAt),
      })
      .orIgnore()
      .execute();
  }
}
