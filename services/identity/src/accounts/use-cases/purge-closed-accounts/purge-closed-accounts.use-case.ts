import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DATA_SOURCE, LOGGER } from '@obolus/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { SignInThrottle } from '../../../auth/sign-in-throttle';
import { IDENTITY_CONFIG, IdentityConfig } from '../../../identity.config';
import { AccountsRepository } from '../../accounts.repository';

/**
 * Scheduled work kept in Postgres: closed accounts whose retention has passed are purged. Every
 * replica polls; `FOR UPDATE SKIP LOCKED` gives each due account to one of them, and a purge that
 * failed half-way is retried at the next poll (its transaction rolled back).
 */
@Injectable()
export class PurgeClosedAccountsUseCase implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly accounts: AccountsRepository,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditLogRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.IDENTITY_PURGE_POLL_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.execute();
    try {
      const purged = await this.running;
      if (purged) this.logger.info({ purged }, 'closed accounts purged');
      await this.throttle.forgetOld();
    } catch (error) {
      this.logger.error({ error: String(error) }, 'purge of closed accounts failed');
    } finally {
      this.running = undefined;
    }
  }

  /** Purges every account whose retention has passed, one transaction each; returns how many. */
  async execute(batch = 20): Promise<number> {
    let purged = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const [accountId] = await this.accounts.claimDuePurges(manager, 1);
        if (!accountId) return false;
        await this.accounts.purge(manager, accountId);
        await this.audit.record(manager, { event: 'account.purged', accountId });
        return true;
      });
      if (!done) return purged;
      purged += 1;
      if (purged >= batch) return purged;
    }
  }
}
