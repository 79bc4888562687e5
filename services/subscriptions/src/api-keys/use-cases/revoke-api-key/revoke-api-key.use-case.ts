import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { SubscriptionsError } from '../../../subscriptions/subscriptions.errors';
import { ApiKeyAuthenticator } from '../../api-key-authenticator';
import { ApiKeysRepository } from '../../api-keys.repository';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

/**
 * Revokes an API key. This process forgets it at once; every other instance stops accepting it
 * within ApiKeyAuthenticator's cache lifetime (at most 1 s). A key revoked already, or unknown,
 * answers not found.
 */
@Injectable()
export class RevokeApiKeyUseCase {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly clock: Clock,
  ) {}

  async execute(command: RevokeApiKeyCommand, uow: UnitOfWork): Promise<void> {
    if (!(await this.keys.revoke(uow, command.id, this.clock.now()))) throw SubscriptionsError.apiKeyNotFound();
    this.authenticator.forget(command.id);
  }
}
