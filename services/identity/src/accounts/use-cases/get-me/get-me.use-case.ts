import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { IdentityError } from '../../../identity.errors';
import { UsersRepository } from '../../../users/users.repository';
import { AccountsRepository } from '../../accounts.repository';
import { MeView } from '../../dto/me.dto';
import { GetMeCommand } from './get-me.command';

/**
 * The signed-in customer as identity stores them: role, address and name from the user, language and
 * company from the account. A user removed since the token was issued is no longer there: 404.
 */
@Injectable()
export class GetMeUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly users: UsersRepository,
  ) {}

  async execute({ accountId, userId }: GetMeCommand, uow: UnitOfWork): Promise<MeView> {
    const user = await this.users.find(uow, accountId, userId);
    const account = user ? await this.accounts.find(uow, accountId) : null;
    if (!user || !account) throw IdentityError.notFound('no such user in this account');
    return {
      userId: user.id,
      accountId: account.id,
      role: user.role,
      email: user.email,
      displayName: user.displayName ?? null,
      language: account.locale,
      companyName: account.companyName,
      country: account.country,
      catalog: account.catalog,
    };
  }
}
