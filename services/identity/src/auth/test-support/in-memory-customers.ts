import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { AccountsRepository } from '../../accounts/accounts.repository';
import { AccountEntity } from '../../accounts/entities/account.entity';
import { UserEntity } from '../../accounts/entities/user.entity';
import { AuditEntry, AuditLogRepository } from '../../audit/audit-log.repository';
import { UsersRepository, UserWithAccount } from '../../users/users.repository';

/** The accounts that sign-in and sessions read, in memory, for the specs of the auth and staff use cases. */
export class InMemoryAccounts implements Pick<AccountsRepository, 'find'> {
  readonly rows = new Map<string, AccountEntity>();

  async find(_uow: UnitOfWork, accountId: string): Promise<AccountEntity | null> {
    const row = this.rows.get(accountId);
    return row ? { ...row } : null;
  }
}

/** The users that sign-in and passwords read and change, in memory (only the methods those use cases call). */
export class InMemoryUsers implements Pick<UsersRepository, 'findByEmail' | 'find' | 'setPasswordHash'> {
  readonly rows = new Map<string, UserEntity>();

  constructor(
    private readonly accounts: InMemoryAccounts,
    private readonly clock: Clock,
  ) {}

  async findByEmail(_uow: UnitOfWork, email: string): Promise<UserWithAccount | undefined> {
    const user = [...this.rows.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
    const account = user && this.accounts.rows.get(user.accountId);
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

  async find(_uow: UnitOfWork, accountId: string, userId: string): Promise<UserEntity | null> {
    const user = this.rows.get(userId);
    return user?.accountId === accountId ? { ...user } : null;
  }

  async setPasswordHash(_uow: UnitOfWork, accountId: string, userId: string, passwordHash: string): Promise<void> {
    const user = this.rows.get(userId);
    if (user?.accountId === accountId) Object.assign(user, { passwordHash, passwordChangedAt: this.clock.now() });
  }
}

/** The security trail in memory. */
export class InMemoryAuditLog implements Pick<AuditLogRepository, 'record'> {
  readonly entries: AuditEntry[] = [];

  async record(_uow: UnitOfWork, entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }

  events(): string[] {
    return this.entries.map((e) => e.event);
  }
}
