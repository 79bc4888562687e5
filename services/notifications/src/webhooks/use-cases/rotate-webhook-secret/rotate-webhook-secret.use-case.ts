import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock, SecretBox } from '@obolus/platform';
import { NotificationsError } from '../../../notifications.errors';
import { newSigningSecret } from '../../delivery/signature';
import { WebhooksRepository } from '../../webhooks.repository';
import { scopeOf } from '../scope';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command';

/** How long the secret before a rotation keeps signing, beside the new one. */
export const PREVIOUS_SECRET_VALIDITY_MS = 24 * 3_600_000;

export interface RotatedWebhookSecret {
  endpointId: string;
  /** Shown this once. */
  secret: string;
  previousSecretValidUntil: string;
}

/**
 * A new signing secret. For 24 hours every delivery carries two signatures, the new secret's first,
 * so a receiver can switch at its own pace; a second rotation in that window drops the oldest.
 */
@Injectable()
export class RotateWebhookSecretUseCase {
  constructor(
    private readonly webhooks: WebhooksRepository,
    @Inject(SecretBox) private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {}

  async execute(command: RotateWebhookSecretCommand, uow: UnitOfWork): Promise<RotatedWebhookSecret> {
    const endpoint = await this.webhooks.findEndpoint(uow, scopeOf(command.accountId), command.endpointId, true);
    if (!endpoint) throw NotificationsError.webhookEndpointNotFound(command.endpointId);
    const now = this.clock.now();
    const secret = newSigningSecret();
    const previousSecretExpiresAt = new Date(now.getTime() + PREVIOUS_SECRET_VALIDITY_MS);
    await this.webhooks.updateEndpoint(
      uow,
      endpoint.id,
      { secretSealed: this.secrets.seal(secret), previousSecretSealed: endpoint.secretSealed, previousSecretExpiresAt },
      now,
    );
    return { endpointId: endpoint.id, secret, previousSecretValidUntil: previousSecretExpiresAt.toISOString() };
  }
}
