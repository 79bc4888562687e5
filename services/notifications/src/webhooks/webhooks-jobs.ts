import { Injectable, OnModuleInit } from '@nestjs/common';
import { ScheduledJobRunner } from '@obolus/messaging';
import { AttemptJobPayload, WEBHOOK_ATTEMPT_JOB } from './delivery/retry-schedule';
import { AttemptWebhookDeliveryCommand } from './use-cases/attempt-webhook-delivery/attempt-webhook-delivery.command';
import { AttemptWebhookDeliveryUseCase } from './use-cases/attempt-webhook-delivery/attempt-webhook-delivery.use-case';

/** The durable jobs of webhooks: one attempt of one delivery each, registered on the service's runner. */
@Injectable()
export class WebhooksJobs implements OnModuleInit {
  constructor(
    private readonly runner: ScheduledJobRunner,
    private readonly attempt: AttemptWebhookDeliveryUseCase,
  ) {}

  registerOn(runner: ScheduledJobRunner): ScheduledJobRunner {
    return runner.register<AttemptJobPayload>(WEBHOOK_ATTEMPT_JOB, async (job, uow) => {
      await this.attempt.execute(
        AttemptWebhookDeliveryCommand.create({
          deliveryId: job.payload.deliveryId,
          trigger: job.payload.trigger,
          attempt: job.payload.attempt,
          dueAt: job.dueAt,
        }),
        uow,
      );
    });
  }

  onModuleInit(): void {
    this.registerOn(this.runner);
  }
}
