import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { ApiKeyView, viewOfApiKey } from '../../api-key';
import { ApiKeysRepository } from '../../api-keys.repository';
import { ListApiKeysCommand } from './list-api-keys.command';

/** Every API key, oldest first, with its prefix, creator, revocation and last use, but never the key. */
@Injectable()
export class ListApiKeysUseCase {
  constructor(private readonly keys: ApiKeysRepository) {}

  async execute(_command: ListApiKeysCommand, uow: UnitOfWork): Promise<ApiKeyView[]> {
    return (await this.keys.list(uow)).map(viewOfApiKey);
  }
}
