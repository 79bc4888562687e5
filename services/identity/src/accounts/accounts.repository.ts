import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountEntity } from './entities/account.entity';
import { UserEntity } from './entities/user.entity';

/** Accounts and their users; every write takes the caller's transaction. */
@Injectable()
export class AccountsRepository {
  async insertAccountWithOwner(manager: EntityManager, account: AccountEntity, owner: UserEntity): Promise<void> {
    await manager.insert(AccountEntity, account);
    await manager.insert(UserEntity, owner);
  }
}
