import { Injectable } from '@nestjs/common';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { NotificationsError } from '../../../notifications.errors';
import { AttemptJobPayload, WEBHOOK_ATTEMPT_JOB } from '../../delivery/retry-schedule';
import { WebhookDelivery, WebhooksRepository } from '../../webhooks.repository';
import { scopeOf } from '../scope';
import { ReplayWebhookDeliveriesCommand } from './replay-webhook-deliveries.command';

/** The most deliveries one replay-since sends again. */
export const REPLAY_LIMIT = 1000;

export interface ReplayScheduled {
  /** The deliveries planned again, each with the `webhook-id` it had. */
  deliveries: { id: string; messageId: string }[];
}

/**
 * Sends deliveries again, each as one attempt due now, with the same body and `webhook-id` (so a
 * receiver that saw it already knows it). The attempt goes through the durable schedule like any other.
 */
@Injectable()
export class ReplayWebhookDeliveriesUseCase {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly scheduler: JobScheduler,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: ReplayWebhookDeliveriesCommand, uow: UnitOfWork): Promise<ReplayScheduled> {
    const endpoint = await this.webhooks.findEndpoint(uow, scopeOf(command.accountId), command.endpointId);
    if (!endpoint) throw NotificationsError.webhookEndpointNotFound(command.endpointId);
    let deliveries: WebhookDelivery[];
    if (command.deliveryId !== undefined) {
      const delivery = await this.webhooks.findDelivery(uow, endpoint.id, command.deliveryId);
      if (!delivery) throw NotificationsError.webhookDeliveryNotFound(command.deliveryId);
      deliveries = [delivery];
    } else {
      deliveries = await this.webhooks.listDeliveries(uow, endpoint.id, { since: new Date(command.since!), limit: REPLAY_LIMIT });
    }
    for (const delivery of deliveries) {
      await this.scheduler.schedule<AttemptJobPayload>(uow, {
        kind: WEBHOOK_ATTEMPT_JOB,
        key: `${delivery.id}:replay:${randomUUID()}`,
        accountId: delivery.accountId,
        dueAt: await this.clocks.now(uow, delivery.accountId),
        payload: { deliveryId: delivery.id, trigger: 'replay' },
      });
    }
    return { deliveries: deliveries.map(({ id, messageId }) => ({ id, messageId })) };
  }
}
