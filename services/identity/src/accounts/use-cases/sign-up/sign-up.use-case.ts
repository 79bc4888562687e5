import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AccountCreatedV1 } from '@obolus/contracts';
import { OutboxWriter } from '@obolus/messaging';
import { ApiError, DATA_SOURCE } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { AccountsRepository } from '../../accounts.repository';
import { SignUpCommand } from './sign-up.command';

export interface SignUpResult {
  accountId: string;
  ownerUserId: string;
}

/** Creates the account (tenant) and its owner, and announces it, in one transaction (A1). */
@Injectable()
export class SignUpUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly outbox: OutboxWriter,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: SignUpCommand): Promise<SignUpResult> {
    const accountId = randomUUID();
    const ownerUserId = randomUUID();
    const passwordHash = await this.hasher.hash(command.password);
    const createdAt = new Date();
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.accounts.insertAccountWithOwner(
          manager,
          {
            id: accountId,
            companyName: command.companyName,
            country: command.country,
            catalog: command.catalog,
            signupChannel: command.signupChannel,
            locale: command.locale,
            status: 'active',
            createdAt,
          },
          {
            id: ownerUserId,
            accountId,
            email: command.email,
            role: 'owner',
            passwordHash,
            passwordChangedAt: createdAt,
            createdAt,
          },
        );
        await this.outbox.append(manager, AccountCreatedV1, {
          accountId,
          subject: accountId,
          data: {
            accountId,
            ownerUserId,
            ownerEmail: command.email,
            companyName: command.companyName,
            country: command.country,
            catalog: command.catalog,
            signupChannel: command.signupChannel,
            locale: command.locale,
            createdAt: createdAt.toISOString(),
          },
        });
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new ApiError(HttpStatus.CONFLICT, 'EMAIL_TAKEN', 'an account already uses this e-mail address', [
          { field: 'email', reason: 'is already registered' },
        ]);
      }
      throw error;
    }
    return { accountId, ownerUserId };
  }
}
