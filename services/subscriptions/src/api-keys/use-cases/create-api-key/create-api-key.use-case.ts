import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { CreatedApiKey, generateApiKey } from '../../api-key';
import { ApiKeysRepository } from '../../api-keys.repository';
import { CreateApiKeyCommand } from './create-api-key.command';

/**
 * Creates an API key and answers it once: only its hash is stored, so it cannot be shown again. A
 * lost key is revoked and replaced.
 */
@Injectable()
export class CreateApiKeyUseCase {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateApiKeyCommand, uow: UnitOfWork): Promise<CreatedApiKey> {
    const { key, prefix, keyHash } = generateApiKey();
    const created = {
      id: randomUUID(),
      name: command.name,
      prefix,
      keyHash,
      createdBy: command.createdBy,
      createdAt: this.clock.now(),
    };
    await this.keys.insert(uow, created);
    return { id: created.id, name: created.name, prefix, key, createdAt: created.createdAt.toISOString() };
  }
}
