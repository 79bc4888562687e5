import { Injectable } from '@nestjs/common';
import { Locale, Role } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { isUniqueViolation } from '../accounts/accounts.repository';
import { AccountStatus } from '../accounts/entities/account.entity';
import { UserEntity } from '../accounts/entities/user.entity';

export interface UserWithAccount {
  userId: string;
  accountId: string;
  email: string;
  role: Role;
  passwordHash: string | null;
  accountStatus: AccountStatus;
  locale: Locale;
}

interface UserWithAccountRow {
  id: string;
  account_id: string;
  email: string;
  role: Role;
  password_hash: string | null;
  status: AccountStatus;
  locale: Locale;
}

/**
 * The users of an account. Only sign-in, reset and the uniqueness check look a user up by e-mail
 * alone: an address is unique across Obolus, and that is how the account is found.
 */
@Injectable()
export class UsersRepository {
  constructor(private readonly clock: Clock) {}

  async findByEmail({ manager }: UnitOfWork, email: string): Promise<UserWithAccount | undefined> {
    const rows = (await manager.query(
      `SELECT u.id, u.account_id, u.email, u.role, u.password_hash, a.status, a.locale
         FROM identity.users u JOIN identity.accounts a ON a.id = u.account_id
        WHERE lower(u.email) = lower($1)`,
      [email],
    )) as UserWithAccountRow[];
    const row = rows[0];
    return row
      ? {
          userId: row.id,
          accountId: row.account_id,
          email: row.email,
          role: row.role,
          passwordHash: row.password_hash,
          accountStatus: row.status,
          locale: row.locale,
        }
      : undefined;
  }

  async emailTaken({ manager }: UnitOfWork, email: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM identity.users WHERE lower(email) = lower($1)`, [email])) as unknown[];
    return rows.length > 0;
  }

  find({ manager }: UnitOfWork, accountId: string, userId: string): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id: userId, accountId } });
  }

  /** The account's users, oldest first, locked: role changes and removals check "the last owner" against them. */
  lockAll({ manager }: UnitOfWork, accountId: string): Promise<UserEntity[]> {
    return manager.find(UserEntity, { where: { accountId }, lock: { mode: 'pessimistic_write' }, order: { createdAt: 'ASC' } });
  }

  /** How many users the account has: each takes a seat (A4). */
  async count({ manager }: UnitOfWork, accountId: string): Promise<number> {
    const rows = (await manager.query(`SELECT count(*)::int AS n FROM identity.users WHERE account_id = $1`, [accountId])) as {
      n: number;
    }[];
    return rows[0]?.n ?? 0;
  }

  /** The account's users, oldest first. */
  list({ manager }: UnitOfWork, accountId: string): Promise<UserEntity[]> {
    return manager.find(UserEntity, { where: { accountId }, order: { createdAt: 'ASC' } });
  }

  /**
   * Inserts the user; false when the e-mail address is already a user's (the unit of work is then
   * spoilt: the caller must refuse, so it rolls back).
   */
  async insert({ manager }: UnitOfWork, user: UserEntity): Promise<boolean> {
    try {
      await manager.insert(UserEntity, user);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async setRole({ manager }: UnitOfWork, accountId: string, userId: string, role: Role): Promise<void> {
    await manager.update(UserEntity, { id: userId, accountId }, { role });
  }

  async setPasswordHash({ manager }: UnitOfWork, accountId: string, userId: string, passwordHash: string): Promise<void> {
    await manager.update(UserEntity, { id: userId, accountId }, { passwordHash, passwordChangedAt: this.clock.now() });
  }

  async delete({ manager }: UnitOfWork, accountId: string, userId: string): Promise<void> {
    await manager.delete(UserEntity, { id: userId, accountId });
  }
}
