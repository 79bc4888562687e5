import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { InMemoryUsers } from '../../test-support/in-memory-users';
import { accountWithMembers, ACCOUNT_ID, ADMIN_ID, OWNER_ID, USER_ID } from '../../test-support/users-fixture';
import { UsersRepository } from '../../users.repository';
import { ListUsersCommand } from './list-users.command';
import { ListUsersUseCase } from './list-users.use-case';

describe('ListUsersUseCase', () => {
  it('lists the users of the account, oldest first, with their roles and no one else', async () => {
    const tables = accountWithMembers();
    tables.seed(
      { id: '2f3a4b5c-6d7e-4f80-9a1b-2c3d4e5f6a7b' },
      { id: '3a4b5c6d-7e8f-4a01-8b2c-3d4e5f6a7b8c', email: 'other@example.fr' },
    );
    const list = new ListUsersUseCase(new InMemoryUsers(tables) as unknown as UsersRepository);
    const members = await list.execute(ListUsersCommand.create({ accountId: ACCOUNT_ID }), new RecordingUnitOfWork());
    expect(members.map((m) => [m.userId, m.role])).toEqual([
      [OWNER_ID, 'owner'],
      [ADMIN_ID, 'admin'],
      [USER_ID, 'user'],
    ]);
    expect(members[1]).toEqual({
      userId: ADMIN_ID,
      email: 'admin@atelier-dupont.fr',
      name: null,
      role: 'admin',
      joinedAt: '2026-03-03T09:00:00.000Z',
    });
  });

  it('refuses an account id that is not a UUID', () => {
    expect(() => ListUsersCommand.create({ accountId: 'acme' })).toThrow(InvalidCommandError);
  });
});
