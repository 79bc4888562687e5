import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { ApiKeysRepository } from '../../api-keys.repository';
import { InMemoryApiKeys } from '../../test-support/in-memory-api-keys';
import { CreateApiKeyCommand } from '../create-api-key/create-api-key.command';
import { CreateApiKeyUseCase } from '../create-api-key/create-api-key.use-case';
import { RevokeApiKeyCommand } from '../revoke-api-key/revoke-api-key.command';
import { ListApiKeysCommand } from './list-api-keys.command';
import { ListApiKeysUseCase } from './list-api-keys.use-case';

describe('ListApiKeysUseCase', () => {
  it('lists every key oldest first, revoked ones with their revocation, and never the key or its hash', async () => {
    const clock = new SettableClock(new Date('2026-11-27T10:00:00Z'));
    const keys = new InMemoryApiKeys();
    const repository = keys as unknown as ApiKeysRepository;
    const create = new CreateApiKeyUseCase(repository, clock);
    const uow = new RecordingUnitOfWork(clock);
    const first = await create.execute(CreateApiKeyCommand.create({ name: 'fr-crm', createdBy: 'staff-1' }), uow);
    clock.advance(60_000);
    const second = await create.execute(CreateApiKeyCommand.create({ name: 'ro-crm', createdBy: 'staff-2' }), uow);
    await repository.revoke(uow, RevokeApiKeyCommand.create({ id: first.id }).id, new Date('2026-11-28T00:00:00Z'));

    const listed = await new ListApiKeysUseCase(repository).execute(ListApiKeysCommand.create(), uow);
    expect(listed).toEqual([
      {
        id: first.id,
        name: 'fr-crm',
        prefix: first.prefix,
        createdBy: 'staff-1',
        createdAt: '2026-11-27T10:00:00.000Z',
        revokedAt: '2026-11-28T00:00:00.000Z',
        lastUsedAt: null,
      },
      {
        id: second.id,
        name: 'ro-crm',
        prefix: second.prefix,
        createdBy: 'staff-2',
        createdAt: '2026-11-27T10:01:00.000Z',
        revokedAt: null,
        lastUsedAt: null,
      },
    ]);
    const text = JSON.stringify(listed);
    expect(text).not.toContain(first.key);
    expect(text).not.toContain(keys.keys.get(first.id)!.keyHash);
  });
});
