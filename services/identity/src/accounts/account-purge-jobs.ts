import { Injectable, OnModuleInit } from '@nestjs/common';
import { ScheduledJobRunner } from '@obolus/messaging';
import { PURGE_CLOSED_ACCOUNT_JOB, PurgeClosedAccountJobPayload } from './account-purge-job';
import { PurgeClosedAccountCommand } from './use-cases/purge-closed-account/purge-closed-account.command';
import { PurgeClosedAccountUseCase } from './use-cases/purge-closed-account/purge-closed-account.use-case';

/** The durable job of closed accounts, registered on identity's runner. */
@Injectable()
export class AccountPurgeJobs implements OnModuleInit {
  constructor(
    private readonly runner: ScheduledJobRunner,
    private readonly purge: PurgeClosedAccountUseCase,
  ) {}

  registerOn(runner: ScheduledJobRunner): ScheduledJobRunner {
    return runner.register<PurgeClosedAccountJobPayload>(PURGE_CLOSED_ACCOUNT_JOB, async (job, uow) => {
      await this.purge.execute(PurgeClosedAccountCommand.create({ accountId: job.accountId }), uow);
    });
  }

  onModuleInit(): void {
    this.registerOn(this.runner);
  }
}
