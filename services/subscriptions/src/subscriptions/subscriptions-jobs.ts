import { Injectable, OnModuleInit } from '@nestjs/common';
import { Locale } from '@obolus/contracts';
import { ScheduledJobRunner } from '@obolus/messaging';
import { TRIAL_END_JOB, TRIAL_ENDING_NOTICE_JOB, TrialJobPayload } from './trial-schedule';
import { AnnounceTrialEndingCommand } from './use-cases/announce-trial-ending/announce-trial-ending.command';
import { AnnounceTrialEndingUseCase } from './use-cases/announce-trial-ending/announce-trial-ending.use-case';
import { EndTrialCommand } from './use-cases/end-trial/end-trial.command';
import { EndTrialUseCase } from './use-cases/end-trial/end-trial.use-case';

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
  ) {}

  /** Registers every kind on a runner (the service's own, or a spec's with its own clock). */
  registerOn(runner: ScheduledJobRunner): ScheduledJobRunner {
    return runner
      .register<TrialJobPayload>(TRIAL_END_JOB, (job, uow) =>
        this.endTrial.execute(
          EndTrialCommand.create({ accountId: job.accountId, subscriptionId: job.key, endsAt: job.dueAt }),
          uow,
        ),
      )
      .register<TrialJobPayload>(TRIAL_ENDING_NOTICE_JOB, (job, uow) =>
        this.announceTrialEnding.execute(
          AnnounceTrialEndingCommand.create({
            accountId: job.accountId,
            subscriptionId: job.key,
            locale: job.payload.locale as Locale | undefined,
          }),
          uow,
        ),
      );
  }

  onModuleInit(): void {
    this.registerOn(this.runner);
  }
}
