import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountStatus } from '../accounts/entities/account.entity';
import { Role, UserEntity } from '../accounts/entities/user.entity';

export interface UserWithAccount {
  userId: string;
  accountId: string;
  email: string;
  role: Role;
  passwordHash: string | null;
  accountStatus: AccountStatus;
  locale: 'fr' | 'ro' | 'en';
}

export interface AccountMember {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: string;
}

/** The users of an account. Only sign-in and reset look a user up by e-mail alone: that is how the account is found. */
@Injectable()
export class UsersRepository {
  async findByEmail(manager: EntityManager, email: string): Promise<UserWithAccount | undefined> {
    const rows = (await manager.query(
      `SELECT u.id, u.account_id, u.email, u.role, u.password_hash, a.status, a.locale
         FROM identity.users u JOIN identity.accounts a ON a.id = u.account_id
        WHERE lower(u.email) = lower($1)`,
      [email],
    )) as {
      id: string;
      account_id: string;
      email: string;
      role: Role;
      password_hash: string | null;
      status: AccountStatus;
      locale: 'fr' | 'ro' | 'en';
    }[];
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

  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM identity.users WHERE lower(email) = lower($1)`, [email]);
    return rows.length > 0;
  }

  find(manager: EntityManager, accountId: string, userId: string): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id: userId, accountId } });
  }

  /** The account's users, locked: role changes and removals check "the last owner" against them. */
  lockAll(manager: EntityManager, accountId: string): Promise<UserEntity[]> {
    return manager.find(UserEntity, { where: { accountId }, lock: { mode: 'pessimistic_write' }, order: { createdAt: 'ASC' } });
  }

  async list(manager: EntityManager, accountId: string): Promise<AccountMember[]> {
    const users = await manager.find(UserEntity, { where: { accountId }, order: { createdAt: 'ASC' } });
    return users.map((u) => ({
      userId: u.id,
      email: u.email,
      name: u.displayName ?? null,
      role: u.role,
      joinedAt: u.createdAt.toISOString(),
    }));
  }

  async insert(manager: EntityManager, user: UserEntity): Promise<void> {
    await manager.insert(UserEntity, user);
  }

  async setRole(manager: EntityManager, accountId: string, userId: string, role: Role): Promise<void> {
    await manager.update(UserEntity, { id: userId, accountId }, { role });
  }

  async setPasswordHash(manager: EntityManager, accountId: string, userId: string, passwordHash: string): Promise<void> {
    await manager.update(UserEntity, { id: userId, accountId }, { passwordHash, passwordChangedAt: new Date() });
  }

  async delete(manager: EntityManager, accountId: string, userId: string): Promise<void> {
    await manager.delete(UserEntity, { id: userId, accountId });
  }
}
