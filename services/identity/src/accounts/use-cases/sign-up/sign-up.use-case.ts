import { Injectable } from '@nestjs/common';
import { AccountCreatedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { IdentityError } from '../../../identity.errors';
import { AccountsRepository } from '../../accounts.repository';
import { AccountEntity } from '../../entities/account.entity';
import { UserEntity } from '../../entities/user.entity';
import { SignUpCommand } from './sign-up.command';

export interface SignUpResult {
  accountId: string;
  ownerUserId: string;
}

/** Creates the account (tenant) and its owner, and announces it, in the caller's unit of work (A1). */
@Injectable()
export class SignUpUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute(command: SignUpCommand, uow: UnitOfWork): Promise<SignUpResult> {
    const createdAt = this.clock.now();
    const account = newAccount(command, createdAt);
    const owner = newOwner(account, command.email, await this.hasher.hash(command.password));
    if (!(await this.accounts.insertAccountWithOwner(uow, account, owner))) {
      throw IdentityError.emailTaken('an account already uses this e-mail address');
    }
    await uow.emit(AccountCreatedV1, {
      accountId: account.id,
      subject: account.id,
      data: {
        accountId: account.id,
        ownerUserId: owner.id,
        ownerEmail: owner.email,
        companyName: account.companyName,
        country: account.country,
        catalog: account.catalog,
        signupChannel: account.signupChannel,
        locale: account.locale,
        createdAt: createdAt.toISOString(),
      },
    });
    return { accountId: account.id, ownerUserId: owner.id };
  }
}

function newAccount(command: SignUpCommand, createdAt: Date): AccountEntity {
  const { companyName, country, catalog, signupChannel, locale } = command;
  return { id: randomUUID(), companyName, country, catalog, signupChannel, locale, status: 'active', createdAt };
}

function newOwner(account: AccountEntity, email: string, passwordHash: string): UserEntity {
  const { createdAt } = account;
  return { id: randomUUID(), accountId: account.id, email, role: 'owner', passwordHash, passwordChangedAt: createdAt, createdAt };
}
