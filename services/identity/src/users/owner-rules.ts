import { Role } from '@obolus/contracts';
import { UserEntity } from '../accounts/entities/user.entity';
import { IdentityError } from '../identity.errors';

/**
 * The member an owner or admin is about to change (`newRole`) or remove (`newRole` undefined), or the
 * refusal: only an owner touches owners or makes one, and the account always keeps one owner (A2).
 */
export function memberToChange(members: readonly UserEntity[], userId: string, actorRole: Role, newRole?: Role): UserEntity {
  const target = members.find((m) => m.id === userId);
  if (!target) throw IdentityError.notFound('no such user in this account');
  if ((target.role === 'owner' || newRole === 'owner') && actorRole !== 'owner') {
    throw IdentityError.forbidden('only an owner can change or remove an owner, or make one');
  }
  if (target.role === 'owner' && newRole !== 'owner' && members.filter((m) => m.role === 'owner').length === 1) {
    throw IdentityError.lastOwner();
  }
  return target;
}
