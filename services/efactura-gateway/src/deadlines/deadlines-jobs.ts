import { Injectable, OnModuleInit } from '@nestjs/common';
import { ScheduledJobRunner } from '@obolus/messaging';
import {
  DEADLINE_ALERT_JOB,
  DEADLINE_JOBS_ORDERING,
  DEADLINE_MISSED_JOB,
  DeadlineAlertPayload,
  DeadlineMissedPayload,
} from './deadline-schedule';
import { RaiseDeadlineAlertCommand } from './use-cases/raise-deadline-alert/raise-deadline-alert.command';
import { RaiseDeadlineAlertUseCase } from './use-cases/raise-deadline-alert/raise-deadline-alert.use-case';
import { RecordMissedDeadlineCommand } from './use-cases/record-missed-deadline/record-missed-deadline.command';
import { RecordMissedDeadlineUseCase } from './use-cases/record-missed-deadline/record-missed-deadline.use-case';

/**
 * The durable jobs of deadlines (E2): the alerts before, and the check after; registered on the
 * service's runner in a lane of their own, so an upload retrying while ANAF is down never holds them.
 */
@Injectable()
export class DeadlinesJobs implements OnModuleInit {
  constructor(
    private readonly runner: ScheduledJobRunner,
    private readonly alert: RaiseDeadlineAlertUseCase,
    private readonly missed: RecordMissedDeadlineUseCase,
  ) {}

  registerOn(runner: ScheduledJobRunner): ScheduledJobRunner {
    return runner
      .register<DeadlineAlertPayload>(
        DEADLINE_ALERT_JOB,
        async (job, uow) => {
          await this.alert.execute(RaiseDeadlineAlertCommand.create(job.payload), uow);
        },
        { ordering: DEADLINE_JOBS_ORDERING },
      )
      .register<DeadlineMissedPayload>(
        DEADLINE_MISSED_JOB,
        async (job, uow) => {
          await this.missed.execute(RecordMissedDeadlineCommand.create(job.payload), uow);
        },
        { ordering: DEADLINE_JOBS_ORDERING },
      );
  }

  onModuleInit(): void {
    this.registerOn(this.runner);
  }
}
