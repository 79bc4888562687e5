import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { UnitOfWork, UnitOfWorkRunner } from '@obolus/messaging';
import { Clock, LOGGER } from '@obolus/platform';
import { Logger } from 'pino';
import { SignInThrottle } from '../../../auth/sign-in-throttle';
import { IDENTITY_CONFIG, IdentityConfig } from '../../../identity.config';
import { AccountsRepository } from '../../accounts.repository';
import { PurgeClosedAccountCommand } from '../purge-closed-account/purge-closed-account.command';
import { PurgeClosedAccountUseCase } from '../purge-closed-account/purge-closed-account.use-case';
import { PurgeClosedAccountsCommand } from './purge-closed-accounts.command';

/**
 * The safety net for accounts closed before each closure planned its own purge job
 * (`PurgeClosedAccountUseCase`, due in the account's time): their purge rows are due by wall-clock time.
 * Accounts with a purge job are left to it (`claimDuePurge`), and purging twice does nothing, so both
 * paths may meet the same account harmlessly. Every replica polls; `FOR UPDATE SKIP LOCKED` gives each
 * due account to one of them. Each account is purged in its own unit of work, so one that fails half-way
 * rolls back and is retried at the next poll. The poll also forgets old sign-in failures.
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
    private readonly purgeAccount: PurgeClosedAccountUseCase,
    private readonly throttle: SignInThrottle,
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
    const accountId = await this.accounts.claimDuePurge(uow, this.clock.now());
    if (!accountId) return false;
    await this.purgeAccount.execute(PurgeClosedAccountCommand.create({ accountId }), uow);
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
