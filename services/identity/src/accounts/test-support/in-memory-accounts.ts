import { UnitOfWork } from '@obolus/messaging';
import { InMemoryJobScheduler } from '@obolus/testing';
import { InMemoryAuditLog } from '../../audit/test-support/in-memory-audit-log';
import { PURGE_CLOSED_ACCOUNT_JOB } from '../account-purge-job';
import { AccountsRepository } from '../accounts.repository';
import { AccountEntity } from '../entities/account.entity';
import { UserEntity } from '../entities/user.entity';

/**
 * identity's accounts, users and scheduled purges in memory, for use-case specs. The users' address
 * is unique whatever its case, as the users_email_unique index has it.
 */
export class InMemoryAccounts implements Pick<AccountsRepository, keyof AccountsRepository> {
  readonly accounts = new Map<string, AccountEntity>();
  readonly users = new Map<string, UserEntity>();
  readonly purges = new Map<string, { purgeAfter: Date; purgedAt?: Date }>();

  /** With `jobs`, accounts whose purge is a planned job are left to it, as the real table query does. */
  constructor(
    private readonly audit?: InMemoryAuditLog,
    private readonly jobs?: InMemoryJobScheduler,
  ) {}

  async insertAccountWithOwner(_uow: UnitOfWork, account: AccountEntity, owner: UserEntity): Promise<boolean> {
    if (this.emailTaken(owner.email)) return false;
    this.accounts.set(account.id, { ...account });
    this.users.set(owner.id, { ...owner });
    return true;
  }

  async find(_uow: UnitOfWork, accountId: string): Promise<AccountEntity | null> {
    const account = this.accounts.get(accountId);
    return account ? { ...account } : null;
  }

  lock(uow: UnitOfWork, accountId: string): Promise<AccountEntity | null> {
    return this.find(uow, accountId);
  }

  async block(_uow: UnitOfWork, accountId: string, at: Date): Promise<void> {
    const account = this.accounts.get(accountId);
    if (account) Object.assign(account, { status: 'blocked', closureRequestedAt: at });
  }

  async schedulePurge(_uow: UnitOfWork, accountId: string, purgeAfter: Date): Promise<void> {
    if (!this.purges.has(accountId)) this.purges.set(accountId, { purgeAfter });
  }

  async claimDuePurge(_uow: UnitOfWork, now: Date): Promise<string | undefined> {
    const byJob = (id: string) => this.jobs?.jobs.has(`${PURGE_CLOSED_ACCOUNT_JOB}/${id}`) ?? false;
    const due = [...this.purges].filter(([id, p]) => !p.purgedAt && p.purgeAfter <= now && !byJob(id));
    due.sort(([, a], [, b]) => a.purgeAfter.getTime() - b.purgeAfter.getTime());
    return due[0]?.[0];
  }

  async claimPurge(_uow: UnitOfWork, accountId: string): Promise<boolean> {
    const purge = this.purges.get(accountId);
    return !!purge && !purge.purgedAt;
  }

  async purge(_uow: UnitOfWork, accountId: string, at: Date): Promise<void> {
    for (const [id, user] of this.users) if (user.accountId === accountId) this.users.delete(id);
    this.audit?.scrub(accountId);
    const account = this.accounts.get(accountId);
    if (account) Object.assign(account, { status: 'closed', companyName: '[purged]', purgedAt: at });
    const purge = this.purges.get(accountId);
    if (purge) purge.purgedAt = at;
  }

  /** An account with its owner, as a sign-up leaves it. */
  seed(account: Partial<AccountEntity> & { id: string }, owner: Partial<UserEntity> & { id: string; email: string }): void {
    const createdAt = new Date('2026-03-01T09:00:00Z');
    this.accounts.set(account.id, {
      companyName: 'Atelier Dupont',
      country: 'FR',
      catalog: 'fr-crm',
      signupChannel: 'web',
      locale: 'fr',
      status: 'active',
      createdAt,
      ...account,
    });
    this.users.set(owner.id, { accountId: account.id, role: 'owner', passwordHash: null, createdAt, ...owner });
  }

  emailTaken(email: string): boolean {
    return [...this.users.values()].some((u) => u.email.toLowerCase() === email.toLowerCase());
  }
}
