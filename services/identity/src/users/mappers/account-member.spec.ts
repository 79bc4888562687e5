import { toAccountMember } from './account-member';

describe('toAccountMember', () => {
  const user = {
    id: '7c0a7d52-5b3e-4f7e-9a51-0d3c2b1a0e11',
    accountId: '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60',
    email: 'mihai@example.ro',
    role: 'admin' as const,
    passwordHash: 'secret-hash',
    createdAt: new Date('2026-03-02T09:00:00Z'),
  };

  it('shows the id, address, role and joining time, and no password hash', () => {
    expect(toAccountMember({ ...user, displayName: 'Mihai Popescu' })).toEqual({
      userId: user.id,
      email: 'mihai@example.ro',
      name: 'Mihai Popescu',
      role: 'admin',
      joinedAt: '2026-03-02T09:00:00.000Z',
    });
  });

  it('gives a null name to a user who never set one (the owner who signed up)', () => {
    expect(toAccountMember(user).name).toBeNull();
    expect(toAccountMember({ ...user, displayName: null }).name).toBeNull();
  });
});
