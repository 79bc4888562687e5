import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { NotificationsError } from '../../../notifications.errors';
import { endpointView, WebhookEndpointView } from '../../endpoints/endpoint-view';
import { WebhooksRepository } from '../../webhooks.repository';
import { scopeOf } from '../scope';
import { GetWebhookEndpointsCommand } from './get-webhook-endpoints.command';

@Injectable()
export class GetWebhookEndpointsUseCase {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: GetWebhookEndpointsCommand, uow: UnitOfWork): Promise<WebhookEndpointView[]> {
    const scope = scopeOf(command.accountId);
    const now = this.clock.now();
    if (command.endpointId === undefined) {
      return (await this.webhooks.listEndpoints(uow, scope)).map((endpoint) => endpointView(endpoint, now));
    }
    const endpoint = await this.webhooks.findEndpoint(uow, scope, command.endpointId);
    if (!endpoint) throw NotificationsError.webhookEndpointNotFound(command.endpointId);
    return [endpointView(endpoint, now)];
  }
}
