import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { createHash } from 'node:crypto';
import { ApiKeysRepository } from '../../api-keys.repository';
import { InMemoryApiKeys } from '../../test-support/in-memory-api-keys';
import { CreateApiKeyCommand } from './create-api-key.command';
import { CreateApiKeyUseCase } from './create-api-key.use-case';

describe('CreateApiKeyUseCase', () => {
  const clock = new SettableClock(new Date('2026-11-27T10:00:00Z'));
  let keys: InMemoryApiKeys;
  let create: CreateApiKeyUseCase;

  beforeEach(() => {
    keys = new InMemoryApiKeys();
    create = new CreateApiKeyUseCase(keys as unknown as ApiKeysRepository, clock);
  });

  it('answers the key once, obk_<prefix8>_<43 base64url characters>, and stores only its SHA-256', async () => {
    const uow = new RecordingUnitOfWork(clock);
    const created = await create.execute(CreateApiKeyCommand.create({ name: ' fr-crm production ', createdBy: 'staff-1' }), uow);
    expect(created).toEqual({
      id: expect.any(String),
      name: 'fr-crm production',
      prefix: expect.stringMatching(/^[0-9a-f]{8}$/),
      key: expect.stringMatching(/^obk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/),
      createdAt: '2026-11-27T10:00:00.000Z',
    });
    expect(created.key.startsWith(`obk_${created.prefix}_`)).toBe(true);
    const stored = keys.keys.get(created.id)!;
    expect(stored).toEqual({
      id: created.id,
      name: 'fr-crm production',
      prefix: created.prefix,
      keyHash: createHash('sha256').update(created.key).digest('hex'),
      createdBy: 'staff-1',
      createdAt: new Date('2026-11-27T10:00:00Z'),
    });
    expect(JSON.stringify(stored)).not.toContain(created.key.slice(13));
    expect(uow.emitted).toEqual([]);
  });

  it('makes a different key each time, with at least 32 bytes of randomness', async () => {
    const uow = new RecordingUnitOfWork(clock);
    const made = await Promise.all(
      Array.from({ length: 50 }, () => create.execute(CreateApiKeyCommand.create({ name: 'k', createdBy: 's' }), uow)),
    );
    expect(new Set(made.map((key) => key.key)).size).toBe(50);
    for (const { key } of made)
      expect(Buffer.from(key.split('_').slice(2).join('_'), 'base64url').length).toBeGreaterThanOrEqual(32);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['too long', 'x'.repeat(201)],
    ['two lines', 'a\nb'],
    ['not a string', 42 as unknown as string],
  ])('refuses a name that is %s, naming the field', (_case, name) => {
    const attempt = () => CreateApiKeyCommand.create({ name, createdBy: 'staff-1' });
    expect(attempt).toThrow(InvalidCommandError);
    expect(attempt).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'name' })] }));
  });
});
