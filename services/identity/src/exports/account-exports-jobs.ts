import { Injectable, OnModuleInit } from '@nestjs/common';
import { ScheduledJobRunner } from '@obolus/messaging';
import { ASSEMBLE_EXPORT_JOB, AssembleExportJobPayload } from './account-export-job';
import { AssembleAccountExportCommand } from './use-cases/assemble-account-export/assemble-account-export.command';
import { AssembleAccountExportUseCase } from './use-cases/assemble-account-export/assemble-account-export.use-case';

/** The durable jobs of exports, registered on identity's runner. */
@Injectable()
export class AccountExportsJobs implements OnModuleInit {
  constructor(
    private readonly runner: ScheduledJobRunner,
    private readonly assemble: AssembleAccountExportUseCase,
  ) {}

  registerOn(runner: ScheduledJobRunner): ScheduledJobRunner {
    return runner.register<AssembleExportJobPayload>(ASSEMBLE_EXPORT_JOB, (job, uow) =>
      this.assemble.execute(
        AssembleAccountExportCommand.create({ accountId: job.accountId, exportId: job.payload.exportId }),
        uow,
      ),
    );
  }

  onModuleInit(): void {
    this.registerOn(this.runner);
  }
}
