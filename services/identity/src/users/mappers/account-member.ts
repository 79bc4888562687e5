import { Role } from '@obolus/contracts';
import { UserEntity } from '../../accounts/entities/user.entity';

/** A user as the account's members list shows it. */
export interface AccountMember {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: string;
}

export function toAccountMember(user: UserEntity): AccountMember {
  return {
    userId: user.id,
    email: user.email,
    name: user.displayName ?? null,
    role: user.role,
    joinedAt: user.createdAt.toISOString(),
  };
}
