import { Injectable, OnModuleInit } from '@nestjs/common';
import { ScheduledJobRunner } from '@obolus/messaging';
import { PROFORMA_REMINDER_JOB, ProformaReminderPayload } from './proforma-reminders';
import { RemindUnpaidProformaCommand } from './use-cases/remind-unpaid-proforma/remind-unpaid-proforma.command';
import { RemindUnpaidProformaUseCase } from './use-cases/remind-unpaid-proforma/remind-unpaid-proforma.use-case';

/** The proforma reminders, one line into their use case, registered on the service's runner. */
@Injectable()
export class ProformasJobs implements OnModuleInit {
  constructor(
    private readonly runner: ScheduledJobRunner,
    private readonly remind: RemindUnpaidProformaUseCase,
  ) {}

  registerOn(runner: ScheduledJobRunner): ScheduledJobRunner {
    return runner.register<ProformaReminderPayload>(PROFORMA_REMINDER_JOB, (job, uow) =>
      this.remind.execute(
        RemindUnpaidProformaCommand.create({ accountId: job.accountId, ...job.payload, dueAt: job.dueAt }),
        uow,
      ),
    );
  }

  onModuleInit(): void {
    this.registerOn(this.runner);
  }
}
