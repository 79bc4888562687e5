import { Inject, Injectable } from '@nestjs/common';
import { AccountCreatedV1 } from '@obolus/contracts';
import { AccountClocks, ScheduleError, UnitOfWork } from '@obolus/messaging';
import { Clock, InvalidCommandError, testClocksEnabled } from '@obolus/platform';
import { IDENTITY_CONFIG, IdentityConfig } from '../../../identity.config';
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
    @Inject(IDENTITY_CONFIG) private readonly config: Pick<IdentityConfig, 'OBOLUS_TEST_CLOCKS'>,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: SignUpCommand, uow: UnitOfWork): Promise<SignUpResult> {
    if (command.testClockId && !testClocksEnabled(this.config)) {
      // identity cannot tell staff at sign-up, so only a deployment with test clocks takes one.
      throw new InvalidCommandError('sign up', [
        { field: 'testClockId', reason: 'test clocks are not enabled on this deployment (OBOLUS_TEST_CLOCKS)' },
      ]);
    }
    const createdAt = command.testClockId ? await this.testClockTime(uow, command.testClockId) : this.clock.now();
    const account = newAccount(command, createdAt);
    const owner = newOwner(account, command.email, await this.hasher.hash(command.password));
    if (!(await this.accounts.insertAccountWithOwner(uow, account, owner))) {
      throw IdentityError.emailTaken('an account already uses this e-mail address');
    }
    if (command.testClockId) await this.clocks.assign(uow, account.id, command.testClockId);
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
        ...(command.testClockId ? { testClockId: command.testClockId } : {}),
      },
    });
    return { accountId: account.id, ownerUserId: owner.id };
  }

  /** An account on a test clock is born at the clock's time; a clock identity has not heard of yet is retried. */
  private async testClockTime(uow: UnitOfWork, clockId: string): Promise<Date> {
    const time = await this.clocks.timeOf(uow, clockId);
    if (time) return time;
    throw new ScheduleError('CLOCK_TIME_UNKNOWN', `test clock ${clockId} is not known here yet; try again`, 'unavailable', [
      { field: 'testClockId', reason: 'is not a test clock known to identity yet' },
    ]);
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
