import { IdentityErrorCode } from '../identity.errors';
import { UserEntity } from '../accounts/entities/user.entity';
import { memberToChange } from './owner-rules';

const member = (id: string, role: UserEntity['role']): UserEntity => ({
  id,
  accountId: 'account',
  email: `${id}@example.fr`,
  role,
  createdAt: new Date('2026-03-02T09:00:00Z'),
});

describe('memberToChange', () => {
  const owner = member('owner', 'owner');
  const admin = member('admin', 'admin');
  const user = member('user', 'user');

  it('gives the member an admin may change or remove', () => {
    expect(memberToChange([owner, admin, user], 'user', 'admin', 'admin')).toBe(user);
    expect(memberToChange([owner, admin, user], 'user', 'admin')).toBe(user);
  });

  it('answers 404 for a user not in the account', () => {
    expect(() => memberToChange([owner], 'other', 'owner', 'user')).toThrow(
      expect.objectContaining({ code: IdentityErrorCode.NotFound, kind: 'not-found', message: 'no such user in this account' }),
    );
  });

  it('lets only an owner touch an owner or make one', () => {
    const forbidden = expect.objectContaining({ code: IdentityErrorCode.Forbidden, kind: 'forbidden' });
    expect(() => memberToChange([owner, admin, user], 'user', 'admin', 'owner')).toThrow(forbidden);
    expect(() => memberToChange([owner, member('o2', 'owner'), admin], 'o2', 'admin')).toThrow(forbidden);
    expect(memberToChange([owner, admin], 'admin', 'owner', 'owner')).toBe(admin);
  });

  it('keeps the only owner an owner, but lets one of two step down', () => {
    const lastOwner = expect.objectContaining({ code: IdentityErrorCode.LastOwner, kind: 'conflict' });
    expect(() => memberToChange([owner, admin], 'owner', 'owner', 'admin')).toThrow(lastOwner);
    expect(() => memberToChange([owner, admin], 'owner', 'owner')).toThrow(lastOwner);
    expect(memberToChange([owner, admin], 'owner', 'owner', 'owner')).toBe(owner);
    expect(memberToChange([owner, member('o2', 'owner')], 'owner', 'owner', 'user')).toBe(owner);
  });
});
