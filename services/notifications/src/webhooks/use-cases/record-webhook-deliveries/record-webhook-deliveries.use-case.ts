import { Injectable } from '@nestjs/common';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { AttemptJobPayload, messageIdOf, WEBHOOK_ATTEMPT_JOB } from '../../delivery/retry-schedule';
import { WebhooksRepository } from '../../webhooks.repository';
import { RecordWebhookDeliveriesCommand } from './record-webhook-deliveries.command';

/**
 * In the unit of work that consumes the event (its inbox row commits with it): one delivery per
 * endpoint that hears it (the account's own and the platform-wide ones), and its first attempt as a
 * durable job due now in the account's business time. A redelivered event records nothing more; a
 * crowd of events queues as jobs; a restart loses none.
 */
@Injectable()
export class RecordWebhookDeliveriesUseCase {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly scheduler: JobScheduler,
    private readonly clocks: AccountClocks,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordWebhookDeliveriesCommand, uow: UnitOfWork): Promise<number> {
    const endpoints = await this.webhooks.subscribersOf(uow, command.accountId, command.eventType);
    if (endpoints.length === 0) return 0;
    const dueAt = await this.clocks.now(uow, command.accountId);
    const body = JSON.stringify(command.event);
    let recorded = 0;
    for (const endpoint of endpoints) {
      const id = randomUUID();
      const inserted = await this.webhooks.insertDelivery(uow, {
        id,
        messageId: messageIdOf(id),
        endpointId: endpoint.id,
        accountId: command.accountId,
        eventId: command.event.id,
        eventType: command.eventType,
        body,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: dueAt,
        lastStatusCode: null,
        lastError: null,
        createdAt: this.clock.now(),
        deliveredAt: null,
      });
      if (!inserted) continue;
      await this.scheduler.schedule<AttemptJobPayload>(uow, {
        kind: WEBHOOK_ATTEMPT_JOB,
        key: `${id}:1`,
        accountId: command.accountId,
        dueAt,
        payload: { deliveryId: id, trigger: 'schedule', attempt: 1 },
      });
      recorded += 1;
    }
    return recorded;
  }
}
