import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { NotificationsError } from '../../../notifications.errors';
import { WebhooksRepository } from '../../webhooks.repository';
import { scopeOf } from '../scope';
import { DeleteWebhookEndpointCommand } from './delete-webhook-endpoint.command';

/** Deleted endpoints hear nothing more; their delivery log stays, and pending attempts are dropped when due. */
@Injectable()
export class DeleteWebhookEndpointUseCase {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: DeleteWebhookEndpointCommand, uow: UnitOfWork): Promise<void> {
    const endpoint = await this.webhooks.findEndpoint(uow, scopeOf(command.accountId), command.endpointId, true);
    if (!endpoint) throw NotificationsError.webhookEndpointNotFound(command.endpointId);
    await this.webhooks.deleteEndpoint(uow, endpoint.id, this.clock.now());
  }
}
