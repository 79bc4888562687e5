import { Injectable, OnModuleInit } from '@nestjs/common';
import { Locale } from '@obolus/contracts';
import { ScheduledJob, ScheduledJobRunner } from '@obolus/messaging';
import { EXPIRING_NOTICE_JOB, EXPIRY_JOB, PeriodJobPayload, RENEWAL_JOB } from './period-schedule';
import { TRIAL_END_JOB, TRIAL_ENDING_NOTICE_JOB, TrialJobPayload } from './trial-schedule';
import { AnnounceExpiryCommand } from './use-cases/announce-expiry/announce-expiry.command';
import { AnnounceExpiryUseCase } from './use-cases/announce-expiry/announce-expiry.use-case';
import { ExpireSubscriptionCommand } from './use-cases/expire-subscription/expire-subscription.command';
import { ExpireSubscriptionUseCase } from './use-cases/expire-subscription/expire-subscription.use-case';
import { RenewSubscriptionCommand } from './use-cases/renew-subscription/renew-subscription.command';
import { RenewSubscriptionUseCase } from './use-cases/renew-subscription/renew-subscription.use-case';
import { AnnounceTrialEndingCommand } from './use-cases/announce-trial-ending/announce-trial-ending.command';
import { AnnounceTrialEndingUseCase } from './use-cases/announce-trial-ending/announce-trial-ending.use-case';
import { EndTrialCommand } from './use-cases/end-trial/end-trial.command';
import { EndTrialUseCase } from './use-cases/end-trial/end-trial.use-case';

/** The period a period job was planned for, and its due instant (the business time of its work). */
const periodOf = (job: ScheduledJob<PeriodJobPayload>) => ({
  subscriptionId: job.payload.subscriptionId,
  periodEnd: job.payload.periodEnd,
  dueAt: job.dueAt,
});

/**
 * The scheduled jobs of subscriptions, each kind one line into its use case (as a consumer's handlers
 * are), registered on the service's runner (ServiceModule's, which ServiceRuntime starts with the
 * service and stops on shutdown) when the module starts.
 */
@Injectable()
export class SubscriptionsJobs implements OnModuleInit {
  constructor(
    private readonly runner: ScheduledJobRunner,
    private readonly endTrial: EndTrialUseCase,
    private readonly announceTrialEnding: AnnounceTrialEndingUseCase,
    private readonly renew: RenewSubscriptionUseCase,
    private readonly expire: ExpireSubscriptionUseCase,
    private readonly announceExpiry: AnnounceExpiryUseCase,
  ) {}

  /** Registers every kind on a runner (the service's own, or a spec's with its own clock). */
  registerOn(runner: ScheduledJobRunner): ScheduledJobRunner {
    return runner
      .register<TrialJobPayload>(TRIAL_END_JOB, (job, uow) =>
        this.endTrial.execute(
          EndTrialCommand.create({ accountId: job.accountId, subscriptionId: job.payload.subscriptionId, endsAt: job.dueAt }),
          uow,
        ),
      )
      .register<TrialJobPayload>(TRIAL_ENDING_NOTICE_JOB, (job, uow) =>
        this.announceTrialEnding.execute(
          AnnounceTrialEndingCommand.create({
            accountId: job.accountId,
            subscriptionId: job.payload.subscriptionId,
            locale: job.payload.locale as Locale | undefined,
          }),
          uow,
        ),
      )
      .register<PeriodJobPayload>(RENEWAL_JOB, (job, uow) =>
        this.renew.execute(RenewSubscriptionCommand.create({ accountId: job.accountId, ...periodOf(job) }), uow),
      )
      .register<PeriodJobPayload>(EXPIRY_JOB, (job, uow) =>
        this.expire.execute(ExpireSubscriptionCommand.create({ accountId: job.accountId, ...periodOf(job) }), uow),
      )
      .register<PeriodJobPayload>(EXPIRING_NOTICE_JOB, (job, uow) =>
        this.announceExpiry.execute(AnnounceExpiryCommand.create({ accountId: job.accountId, ...periodOf(job) }), uow),
      );
  }

  onModuleInit(): void {
    this.registerOn(this.runner);
  }
}
