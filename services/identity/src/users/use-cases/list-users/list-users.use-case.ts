import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AccountMember, toAccountMember } from '../../mappers/account-member';
import { UsersRepository } from '../../users.repository';
import { ListUsersCommand } from './list-users.command';

/** The users of the account and their roles, oldest first. */
@Injectable()
export class ListUsersUseCase {
  constructor(private readonly users: UsersRepository) {}

  async execute(command: ListUsersCommand, uow: UnitOfWork): Promise<AccountMember[]> {
    return (await this.users.list(uow, command.accountId)).map(toAccountMember);
  }
}
