import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AccountPurgedV1 } from '@obolus/contracts';
import { UnitOfWork, UnitOfWorkRunner } from '@obolus/messaging';
import { Clock, LOGGER } from '@obolus/platform';
import { Logger } from 'pino';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { SignInThrottle } from '../../../auth/sign-in-throttle';
import { IDENTITY_CONFIG, IdentityConfig } from '../../../identity.config';
import { AccountsRepository } from '../../accounts.repository';
import { PurgeClosedAccountsCommand } from './purge-closed-accounts.command';

/**
 * Scheduled work kept in Postgres: closed accounts whose retention has passed are purged, and
 * `account.purged` tells the other services to delete theirs. Every
 * replica polls; `FOR UPDATE SKIP LOCKED` gives each due account to one of them. Each account is
 * purged in its own unit of work, so one that fails half-way rolls back and is retried at the next poll.
 */
@Injectable()
export class PurgeClosedAccountsUseCase implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly work: UnitOfWorkRunner,
    private readonly accounts: AccountsRepository,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditLogRepository,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.IDENTITY_PURGE_POLL_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Purges every account whose retention has passed, one unit of work each, up to the batch; returns how many. */
  async execute(command = PurgeClosedAccountsCommand.create()): Promise<number> {
    let purged = 0;
    while (purged < command.batch && (await this.work.run((uow) => this.purgeNext(uow)))) purged += 1;
    return purged;
  }

  /** Claims and purges one due account; false when none is due. */
  private async purgeNext(uow: UnitOfWork): Promise<boolean> {
    const now = this.clock.now();
    const accountId = await this.accounts.claimDuePurge(uow, now);
    if (!accountId) return false;
    const account = await this.accounts.find(uow, accountId);
    await this.accounts.purge(uow, accountId, now);
    await this.audit.record(uow, { event: 'account.purged', accountId });
    // Every other service deletes its personal data of the account on this, keeping retained invoices.
    await uow.emit(AccountPurgedV1, {
      accountId,
      subject: accountId,
      data: {
        accountId,
        closureRequestedAt: (account?.closureRequestedAt ?? now).toISOString(),
        purgedAt: now.toISOString(),
      },
    });
    return true;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.execute();
    try {
      const purged = await this.running;
      if (purged) this.logger.info({ purged }, 'closed accounts purged');
      await this.work.run((uow) => this.throttle.forgetOld(uow));
    } catch (error) {
      this.logger.error({ error: String(error) }, 'purge of closed accounts failed');
    } finally {
      this.running = undefined;
    }
  }
}
