import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock, SecretBox } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { newSigningSecret } from '../../delivery/signature';
import { EndpointUrlChecker } from '../../endpoints/endpoint-url-checker';
import { endpointView, WebhookEndpointView } from '../../endpoints/endpoint-view';
import { WebhooksRepository } from '../../webhooks.repository';
import { CreateWebhookEndpointCommand } from './create-webhook-endpoint.command';

/** A new endpoint, with its signing secret: shown this once, stored sealed. */
export interface CreatedWebhookEndpoint extends WebhookEndpointView {
  secret: string;
}

@Injectable()
export class CreateWebhookEndpointUseCase {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly urls: EndpointUrlChecker,
    @Inject(SecretBox) private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateWebhookEndpointCommand, uow: UnitOfWork): Promise<CreatedWebhookEndpoint> {
    const url = await this.urls.check(command.url);
    const secret = newSigningSecret();
    const now = this.clock.now();
    const endpoint = {
      id: randomUUID(),
      accountId: command.accountId,
      url,
      eventTypes: command.eventTypes,
      description: command.description,
      enabled: command.enabled,
      secretSealed: this.secrets.seal(secret),
      previousSecretSealed: null,
      previousSecretExpiresAt: null,
      status: 'active' as const,
      failingSince: null,
      createdByEmail: command.createdByEmail,
      createdAt: now,
      updatedAt: now,
    };
    await this.webhooks.insertEndpoint(uow, endpoint);
    return { ...endpointView(endpoint, now), secret };
  }
}
