import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { SubscriptionsErrorCode } from '../../../subscriptions/subscriptions.errors';
import { ApiKeysRepository } from '../../api-keys.repository';
import { inMemoryAuthenticator } from '../../test-support/api-key-fixtures';
import { InMemoryApiKeys } from '../../test-support/in-memory-api-keys';
import { CreateApiKeyCommand } from '../create-api-key/create-api-key.command';
import { CreateApiKeyUseCase } from '../create-api-key/create-api-key.use-case';
import { RevokeApiKeyCommand } from './revoke-api-key.command';
import { RevokeApiKeyUseCase } from './revoke-api-key.use-case';

describe('RevokeApiKeyUseCase', () => {
  const clock = new SettableClock(new Date('2026-11-27T10:00:00Z'));

  it('revokes a key so that it is refused at once here, even while cached, and answers 404 the second time', async () => {
    const keys = new InMemoryApiKeys();
    const repository = keys as unknown as ApiKeysRepository;
    const { authenticator } = inMemoryAuthenticator(keys, clock);
    const uow = new RecordingUnitOfWork(clock);
    const created = await new CreateApiKeyUseCase(repository, clock).execute(
      CreateApiKeyCommand.create({ name: 'fr-crm', createdBy: 'staff-1' }),
      uow,
    );
    expect(await authenticator.authenticate(created.key)).toMatchObject({ id: created.id });

    const revoke = new RevokeApiKeyUseCase(repository, authenticator, clock);
    clock.advance(1000);
    await revoke.execute(RevokeApiKeyCommand.create({ id: created.id }), uow);
    expect(keys.keys.get(created.id)?.revokedAt).toEqual(new Date('2026-11-27T10:00:01Z'));
    expect(await authenticator.authenticate(created.key)).toBeUndefined();

    await expect(revoke.execute(RevokeApiKeyCommand.create({ id: created.id }), uow)).rejects.toMatchObject({
      code: SubscriptionsErrorCode.ApiKeyNotFound,
      kind: 'not-found',
    });
    await expect(revoke.execute(RevokeApiKeyCommand.create({ id: randomUUID() }), uow)).rejects.toMatchObject({
      code: SubscriptionsErrorCode.ApiKeyNotFound,
    });
    expect(uow.emitted).toEqual([]);
  });

  it('refuses an id that is not a UUID, naming the field', () => {
    expect(() => RevokeApiKeyCommand.create({ id: 'obk_12345678' })).toThrow(InvalidCommandError);
    expect(() => RevokeApiKeyCommand.create({ id: "1' OR '1'='1" })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'id' })] }),
    );
  });
});
