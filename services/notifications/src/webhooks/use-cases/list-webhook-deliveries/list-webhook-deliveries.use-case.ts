import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { NotificationsError } from '../../../notifications.errors';
import { deliveryView, WebhookDeliveryView } from '../../endpoints/endpoint-view';
import { WebhooksRepository } from '../../webhooks.repository';
import { scopeOf } from '../scope';
import { ListWebhookDeliveriesCommand } from './list-webhook-deliveries.command';

/** The delivery log of an endpoint: each delivery with its attempts (status, latency, the answer's first 4 KB). */
@Injectable()
export class ListWebhookDeliveriesUseCase {
  constructor(private readonly webhooks: WebhooksRepository) {}

  async execute(command: ListWebhookDeliveriesCommand, uow: UnitOfWork): Promise<WebhookDeliveryView[]> {
    const endpoint = await this.webhooks.findEndpoint(uow, scopeOf(command.accountId), command.endpointId);
    if (!endpoint) throw NotificationsError.webhookEndpointNotFound(command.endpointId);
    let deliveries;
    if (command.deliveryId !== undefined) {
      const delivery = await this.webhooks.findDelivery(uow, endpoint.id, command.deliveryId);
      if (!delivery) throw NotificationsError.webhookDeliveryNotFound(command.deliveryId);
      deliveries = [delivery];
    } else {
      deliveries = await this.webhooks.listDeliveries(uow, endpoint.id, { limit: command.limit });
    }
    const attempts = await this.webhooks.attemptsOf(uow, deliveries.map((delivery) => delivery.id));
    return deliveries.map((delivery) => deliveryView(delivery, attempts));
  }
}
