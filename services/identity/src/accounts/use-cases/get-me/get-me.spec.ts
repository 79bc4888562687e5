import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { IdentityErrorCode } from '../../../identity.errors';
import { UsersRepository } from '../../../users/users.repository';
import { InMemoryUsers } from '../../../users/test-support/in-memory-users';
import { AccountsRepository } from '../../accounts.repository';
import { InMemoryAccounts } from '../../test-support/in-memory-accounts';
import { GetMeCommand } from './get-me.command';
import { GetMeUseCase } from './get-me.use-case';

describe('GetMeUseCase', () => {
  const accountId = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
  const ownerId = '1c6fad2f-4d2e-4b5f-9a4b-2c3d4e5f6071';
  const otherAccountId = '2d70be30-5e3f-4c60-8b5c-3d4e5f607182';
  const uow = new RecordingUnitOfWork();
  let tables: InMemoryAccounts;
  let getMe: GetMeUseCase;

  beforeEach(() => {
    tables = new InMemoryAccounts();
    tables.seed(
      { id: accountId, companyName: 'Exemplu Software SRL', country: 'RO', catalog: 'ro-crm', locale: 'ro' },
      { id: ownerId, email: 'ana.popescu@exemplu.ro', displayName: 'Ana Popescu' },
    );
    tables.seed({ id: otherAccountId }, { id: '3e81cf41-6f40-4d71-9c6d-4e5f60718293', email: 'jean@atelier-dupont.fr' });
    getMe = new GetMeUseCase(tables as unknown as AccountsRepository, new InMemoryUsers(tables) as unknown as UsersRepository);
  });

  it('answers the user and their account: role, address, language, company, country and catalog', async () => {
    await expect(getMe.execute(GetMeCommand.create({ accountId, userId: ownerId }), uow)).resolves.toEqual({
      userId: ownerId,
      accountId,
      role: 'owner',
      email: 'ana.popescu@exemplu.ro',
      displayName: 'Ana Popescu',
      language: 'ro',
      companyName: 'Exemplu Software SRL',
      country: 'RO',
      catalog: 'ro-crm',
    });
  });

  it('answers 404 for a user removed since the token was issued, or a user of another account', async () => {
    tables.users.delete(ownerId);
    await expect(getMe.execute(GetMeCommand.create({ accountId, userId: ownerId }), uow)).rejects.toMatchObject({
      code: IdentityErrorCode.NotFound,
      kind: 'not-found',
    });
    const stranger = '3e81cf41-6f40-4d71-9c6d-4e5f60718293';
    await expect(getMe.execute(GetMeCommand.create({ accountId, userId: stranger }), uow)).rejects.toMatchObject({
      code: IdentityErrorCode.NotFound,
    });
  });

  it('refuses ids that are not UUIDs, naming the fields', () => {
    expect(() => GetMeCommand.create({ accountId: 'x', userId: 'y' })).toThrow(
      expect.objectContaining({
        constructor: InvalidCommandError,
        fields: [
          { field: 'accountId', reason: 'must be a UUID' },
          { field: 'userId', reason: 'must be a UUID' },
        ],
      }),
    );
  });
});
