import { Inject, Injectable } from '@nestjs/common';
import { AccountClosureRequestedV1 } from '@obolus/contracts';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { SignInThrottle } from '../../../auth/sign-in-throttle';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { IDENTITY_CONFIG, IdentityConfig } from '../../../identity.config';
import { IdentityError } from '../../../identity.errors';
import { SessionRevocations } from '../../../sessions/session-revocations';
import { UsersRepository } from '../../../users/users.repository';
import { PURGE_CLOSED_ACCOUNT_JOB, PurgeClosedAccountJobPayload } from '../../account-purge-job';
import { AccountsRepository } from '../../accounts.repository';
import { ClosureView } from '../../dto/sign-up.dto';
import { CloseAccountCommand } from './close-account.command';

const DAY_MS = 86_400_000;

/**
 * The owner closes the account (A3), giving the password again. The account is blocked at once
 * (every session ends), the other services hear `account.closure.requested` (data export, end of
 * billing), and identity plans the durable job that purges its data after the retention period. The
 * closure and its purge date are in the account's time, so an account on a test clock is purged when
 * its clock passes the retention.
 */
@Injectable()
export class CloseAccountUseCase {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly accounts: AccountsRepository,
    private readonly users: UsersRepository,
    private readonly revocations: SessionRevocations,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditLogRepository,
    private readonly scheduler: JobScheduler,
    private readonly accountClocks: AccountClocks,
  ) {}

  async execute(command: CloseAccountCommand, uow: UnitOfWork): Promise<ClosureView> {
    await this.checkPassword(command, uow);
    const account = await this.accounts.lock(uow, command.accountId);
    if (!account) throw IdentityError.notFound();
    if (account.status !== 'active') throw IdentityError.alreadyClosed('the account is already closed');
    const requestedAt = await this.accountClocks.now(uow, account.id);
    const purgeAfter = new Date(requestedAt.getTime() + this.config.IDENTITY_CLOSURE_RETENTION_DAYS * DAY_MS);
    await this.accounts.block(uow, account.id, requestedAt);
    await this.accounts.schedulePurge(uow, account.id, purgeAfter);
    await this.scheduler.schedule<PurgeClosedAccountJobPayload>(uow, {
      kind: PURGE_CLOSED_ACCOUNT_JOB,
      key: account.id,
      accountId: account.id,
      dueAt: purgeAfter,
      payload: {},
    });
    await this.revocations.revokeAccountSessions(uow, account.id, 'account-closed');
    const closure = { requestedAt: requestedAt.toISOString(), purgeAfter: purgeAfter.toISOString() };
    await uow.emit(AccountClosureRequestedV1, {
      accountId: account.id,
      subject: account.id,
      data: {
        accountId: account.id,
        requestedByUserId: command.ownerUserId,
        ownerEmail: command.ownerEmail,
        locale: account.locale,
        ...closure,
      },
    });
    await this.audit.record(uow, {
      event: 'account.closure-requested',
      accountId: account.id,
      actorUserId: command.ownerUserId,
      clientIp: command.clientIp,
      details: { purgeAfter: closure.purgeAfter },
    });
    return { accountId: account.id, status: 'blocked', ...closure };
  }

  /** Throttled like a sign-in: a wrong password counts as a failure, which commits with the refusal. */
  private async checkPassword(command: CloseAccountCommand, uow: UnitOfWork): Promise<void> {
    await this.throttle.assertAllowed(uow, 'customer', command.ownerEmail, command.clientIp);
    const owner = await this.users.find(uow, command.accountId, command.ownerUserId);
    if (!(await this.hasher.verify(owner?.passwordHash, command.password))) {
      await this.throttle.recordFailure(uow, 'customer', command.ownerEmail, command.clientIp);
      throw IdentityError.wrongPassword('the password is wrong', 'password').committingWork();
    }
  }
}
