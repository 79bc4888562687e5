import { Injectable, OnModuleInit } from '@nestjs/common';
import { ScheduledJobRunner } from '@obolus/messaging';
import { RecheckVatNumberCommand } from './use-cases/recheck-vat-number/recheck-vat-number.command';
import { RecheckVatNumberUseCase } from './use-cases/recheck-vat-number/recheck-vat-number.use-case';
import { VAT_RECHECK_JOB, VatRecheckPayload } from './vat-recheck-schedule';

/** invoicing's scheduled jobs, each kind one line into its use case, registered on the service's runner. */
@Injectable()
export class VatNumbersJobs implements OnModuleInit {
  constructor(
    private readonly runner: ScheduledJobRunner,
    private readonly recheck: RecheckVatNumberUseCase,
  ) {}

  /** Registers every kind on a runner (the service's own, or a spec's with its own clock). */
  registerOn(runner: ScheduledJobRunner): ScheduledJobRunner {
    return runner.register<VatRecheckPayload>(VAT_RECHECK_JOB, (job, uow) =>
      this.recheck.execute(RecheckVatNumberCommand.create({ accountId: job.accountId, ...job.payload }), uow),
    );
  }

  onModuleInit(): void {
    this.registerOn(this.runner);
  }
}
