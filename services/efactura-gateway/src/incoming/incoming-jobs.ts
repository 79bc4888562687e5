import { Injectable, OnModuleInit } from '@nestjs/common';
import { ScheduledJobRunner } from '@obolus/messaging';
import { INCOMING_JOBS_ORDERING, INCOMING_POLL_JOB, IncomingPollPayload } from './incoming-schedule';
import { PollIncomingInvoicesCommand } from './use-cases/poll-incoming-invoices/poll-incoming-invoices.command';
import { PollIncomingInvoicesUseCase } from './use-cases/poll-incoming-invoices/poll-incoming-invoices.use-case';

/** The durable listings of supplier invoices, one chain per authorised CUI; registered on the service's runner. */
@Injectable()
export class IncomingJobs implements OnModuleInit {
  constructor(
    private readonly runner: ScheduledJobRunner,
    private readonly poll: PollIncomingInvoicesUseCase,
  ) {}

  registerOn(runner: ScheduledJobRunner): ScheduledJobRunner {
    return runner.register<IncomingPollPayload>(
      INCOMING_POLL_JOB,
      async (job, uow) => {
        await this.poll.execute(PollIncomingInvoicesCommand.create(job.payload), uow);
      },
      { ordering: INCOMING_JOBS_ORDERING },
    );
  }

  onModuleInit(): void {
    this.registerOn(this.runner);
  }
}
