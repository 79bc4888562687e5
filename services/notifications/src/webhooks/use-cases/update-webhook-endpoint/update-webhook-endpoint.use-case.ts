import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { NotificationsError } from '../../../notifications.errors';
import { EndpointUrlChecker } from '../../endpoints/endpoint-url-checker';
import { endpointView, WebhookEndpointView } from '../../endpoints/endpoint-view';
import { WebhooksRepository } from '../../webhooks.repository';
import { scopeOf } from '../scope';
import { UpdateWebhookEndpointCommand } from './update-webhook-endpoint.command';

@Injectable()
export class UpdateWebhookEndpointUseCase {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly urls: EndpointUrlChecker,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpdateWebhookEndpointCommand, uow: UnitOfWork): Promise<WebhookEndpointView> {
    const url = command.url === undefined ? undefined : await this.urls.check(command.url);
    const scope = scopeOf(command.accountId);
    const endpoint = await this.webhooks.findEndpoint(uow, scope, command.endpointId, true);
    if (!endpoint) throw NotificationsError.webhookEndpointNotFound(command.endpointId);
    const now = this.clock.now();
    const reenabled = command.enabled === true && (!endpoint.enabled || endpoint.status === 'failing');
    await this.webhooks.updateEndpoint(
      uow,
      endpoint.id,
      {
        url,
        eventTypes: command.eventTypes,
        description: command.description,
        enabled: command.enabled,
        ...(reenabled ? { status: 'active' as const, failingSince: null } : {}),
      },
      now,
    );
    const updated = await this.webhooks.findEndpoint(uow, scope, endpoint.id);
    return endpointView(updated!, now);
  }
}
