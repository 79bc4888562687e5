import { Role } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { UserEntity } from '../../accounts/entities/user.entity';
import { InMemoryAccounts } from '../../accounts/test-support/in-memory-accounts';
import { UsersRepository, UserWithAccount } from '../users.repository';

/** The users table in memory, shared with the accounts it belongs to, for use-case specs. */
export class InMemoryUsers implements Pick<UsersRepository, keyof UsersRepository> {
  constructor(
    private readonly tables: InMemoryAccounts,
    private readonly now: () => Date = () => new Date(0),
  ) {}

  get rows(): Map<string, UserEntity> {
    return this.tables.users;
  }

  async findByEmail(_uow: UnitOfWork, email: string): Promise<UserWithAccount | undefined> {
    const user = [...this.rows.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
    const account = user && this.tables.accounts.get(user.accountId);
    if (!user || !account) return undefined;
    return {
      userId: user.id,
      accountId: user.accountId,
      email: user.email,
      role: user.role,
      passwordHash: user.passwordHash ?? null,
      accountStatus: account.status,
      locale: account.locale,
    };
  }

  async emailTaken(_uow: UnitOfWork, email: string): Promise<boolean> {
    return this.tables.emailTaken(email);
  }

  async find(_uow: UnitOfWork, accountId: string, userId: string): Promise<UserEntity | null> {
    const user = this.rows.get(userId);
    return user && user.accountId === accountId ? { ...user } : null;
  }

  lockAll(uow: UnitOfWork, accountId: string): Promise<UserEntity[]> {
    return this.list(uow, accountId);
  }

  async count(_uow: UnitOfWork, accountId: string): Promise<number> {
    return [...this.rows.values()].filter((u) => u.accountId === accountId).length;
  }

  async list(_uow: UnitOfWork, accountId: string): Promise<UserEntity[]> {
    return [...this.rows.values()]
      .filter((u) => u.accountId === accountId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((u) => ({ ...u }));
  }

  async insert(_uow: UnitOfWork, user: UserEntity): Promise<boolean> {
    if (this.tables.emailTaken(user.email)) return false;
    this.rows.set(user.id, { ...user });
    return true;
  }

  async setRole(_uow: UnitOfWork, accountId: string, userId: string, role: Role): Promise<void> {
    this.update(accountId, userId, { role });
  }

  async setPasswordHash(_uow: UnitOfWork, accountId: string, userId: string, passwordHash: string): Promise<void> {
    this.update(accountId, userId, { passwordHash, passwordChangedAt: this.now() });
  }

  async delete(_uow: UnitOfWork, accountId: string, userId: string): Promise<void> {
    if (this.rows.get(userId)?.accountId === accountId) this.rows.delete(userId);
  }

  private update(accountId: string, userId: string, change: Partial<UserEntity>): void {
    const user = this.rows.get(userId);
    if (user && user.accountId === accountId) Object.assign(user, change);
  }
}
