import { Injectable } from '@nestjs/common';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { NotificationsError } from '../../../notifications.errors';
import { AttemptJobPayload, messageIdOf, WEBHOOK_ATTEMPT_JOB } from '../../delivery/retry-schedule';
import { WebhooksRepository } from '../../webhooks.repository';
import { scopeOf } from '../scope';
import { SendTestWebhookCommand } from './send-test-webhook.command';

/** The event type of a test delivery; never published on Kafka. */
export const TEST_EVENT_TYPE = 'obolus.notifications.webhook.test.v1';

/**
 * A test delivery to one endpoint: a CloudEvent of type `obolus.notifications.webhook.test.v1`, signed
 * and logged like any other, attempted once. A platform-wide endpoint's test names no account.
 */
@Injectable()
export class SendTestWebhookUseCase {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly scheduler: JobScheduler,
    private readonly clocks: AccountClocks,
    private readonly clock: Clock,
  ) {}

  async execute(command: SendTestWebhookCommand, uow: UnitOfWork): Promise<{ id: string; messageId: string }> {
    const endpoint = await this.webhooks.findEndpoint(uow, scopeOf(command.accountId), command.endpointId);
    if (!endpoint) throw NotificationsError.webhookEndpointNotFound(command.endpointId);
    const accountId = endpoint.accountId ?? '00000000-0000-0000-0000-000000000000';
    const now = this.clock.now();
    const id = randomUUID();
    const event = {
      specversion: '1.0',
      id: randomUUID(),
      source: '/obolus/notifications',
      type: TEST_EVENT_TYPE,
      time: now.toISOString(),
      datacontenttype: 'application/json',
      accountid: accountId,
      data: { accountId: endpoint.accountId, endpointId: endpoint.id, message: 'A test delivery from Obolus.' },
    };
    const dueAt = endpoint.accountId === null ? now : await this.clocks.now(uow, accountId);
    await this.webhooks.insertDelivery(uow, {
      id,
      messageId: messageIdOf(id),
      endpointId: endpoint.id,
      accountId,
      eventId: event.id,
      eventType: 'webhook.test',
      body: JSON.stringify(event),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: dueAt,
      lastStatusCode: null,
      lastError: null,
      createdAt: now,
      deliveredAt: null,
    });
    await this.scheduler.schedule<AttemptJobPayload>(uow, {
      kind: WEBHOOK_ATTEMPT_JOB,
      key: `${id}:test`,
      accountId,
      dueAt,
      payload: { deliveryId: id, trigger: 'test' },
    });
    return { id, messageId: messageIdOf(id) };
  }
}
