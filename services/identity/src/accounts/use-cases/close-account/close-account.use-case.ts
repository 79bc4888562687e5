import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Principal } from '@obolus/auth';
import { AccountClosureRequestedV1 } from '@obolus/contracts';
import { OutboxWriter } from '@obolus/messaging';
import { ApiError, DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { SignInThrottle } from '../../../auth/sign-in-throttle';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { IDENTITY_CONFIG, IdentityConfig } from '../../../identity.config';
import { ClientInfo } from '../../../sessions/session-tokens';
import { SessionRevocations } from '../../../sessions/session-revocations';
import { UsersRepository } from '../../../users/users.repository';
import { ClosureView } from '../../dto/sign-up.dto';
import { AccountsRepository } from '../../accounts.repository';

export interface CloseAccountCommand {
  owner: Principal;
  accountId: string;
  password: string;
  client: ClientInfo;
}

/**
 * The owner closes the account (A3), giving the password again. The account is blocked at once
 * (every session ends), the other services hear `account.closure.requested` (data export, end of
 * billing), and identity purges its data after the retention period.
 */
@Injectable()
export class CloseAccountUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly accounts: AccountsRepository,
    private readonly users: UsersRepository,
    private readonly revocations: SessionRevocations,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute({ owner, accountId, password, client }: CloseAccountCommand): Promise<ClosureView> {
    await this.throttle.assertAllowed('customer', owner.email, client.ip);
    const user = await this.users.find(this.dataSource.manager, accountId, owner.userId);
    if (!(await this.hasher.verify(user?.passwordHash, password))) {
      await this.throttle.recordFailure('customer', owner.email, client.ip);
      throw new ApiError(HttpStatus.FORBIDDEN, 'WRONG_PASSWORD', 'the password is wrong', [
        { field: 'password', reason: 'is wrong' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const account = await this.accounts.lock(manager, accountId);
      if (!account) throw new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'no such resource');
      if (account.status !== 'active') throw new ApiError(HttpStatus.CONFLICT, 'ALREADY_CLOSED', 'the account is already closed');
      const requestedAt = new Date();
      const purgeAfter = new Date(requestedAt.getTime() + this.config.IDENTITY_CLOSURE_RETENTION_DAYS * 86_400_000);
      await this.accounts.block(manager, accountId, requestedAt);
      await this.accounts.schedulePurge(manager, accountId, purgeAfter);
      await this.revocations.revokeAccountSessions(manager, accountId, 'account-closed');
      await this.outbox.append(manager, AccountClosureRequestedV1, {
        accountId,
        subject: accountId,
        data: {
          accountId,
          requestedByUserId: owner.userId,
          ownerEmail: owner.email,
          locale: account.locale,
          requestedAt: requestedAt.toISOString(),
          purgeAfter: purgeAfter.toISOString(),
        },
      });
      await this.audit.record(manager, {
        event: 'account.closure-requested',
        accountId,
        actorUserId: owner.userId,
        clientIp: client.ip,
        details: { purgeAfter: purgeAfter.toISOString() },
      });
      return {
        accountId,
        status: 'blocked' as const,
        requestedAt: requestedAt.toISOString(),
        purgeAfter: purgeAfter.toISOString(),
      };
    });
  }
}
