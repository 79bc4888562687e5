import { Injectable, OnModuleInit } from '@nestjs/common';
import { ScheduledJobRunner } from '@obolus/messaging';
import { DUNNING_RETRY_JOB, RetryJobPayload } from './dunning';
import { RetryPaymentCommand } from './use-cases/retry-payment/retry-payment.command';
import { RetryPaymentUseCase } from './use-cases/retry-payment/retry-payment.use-case';

/** The durable jobs of payments, registered on the service's runner. */
@Injectable()
export class PaymentsJobs implements OnModuleInit {
  constructor(
    private readonly runner: ScheduledJobRunner,
    private readonly retryPayment: RetryPaymentUseCase,
  ) {}

  registerOn(runner: ScheduledJobRunner): ScheduledJobRunner {
    return runner.register<RetryJobPayload>(DUNNING_RETRY_JOB, (job, uow) =>
      this.retryPayment.execute(
        RetryPaymentCommand.create({
          accountId: job.accountId,
          paymentId: job.payload.paymentId,
          attempt: job.payload.attempt,
          dueAt: job.dueAt,
        }),
        uow,
      ),
    );
  }

  onModuleInit(): void {
    this.registerOn(this.runner);
  }
}
