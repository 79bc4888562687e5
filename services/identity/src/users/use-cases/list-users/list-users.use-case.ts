import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { AccountMember, UsersRepository } from '../../users.repository';

@Injectable()
export class ListUsersUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
  ) {}

  execute(accountId: string): Promise<AccountMember[]> {
    return this.users.list(this.dataSource.manager, accountId);
  }
}
