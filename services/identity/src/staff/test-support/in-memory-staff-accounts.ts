import { Role } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { InMemoryAccounts } from '../../accounts/test-support/in-memory-accounts';
import { foldAccents } from '../account-search-terms';
import { AccountSearch, StaffAccountMemberRow, StaffAccountRow, StaffAccountsRepository } from '../staff-accounts.repository';

/** A LIKE pattern with \ escapes, as a regular expression over the whole text. */
function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    if (char === '\\') source += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (char === '%') source += '[\\s\\S]*';
    else if (char === '_') source += '[\\s\\S]';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The console's view of identity's accounts in memory, over the same tables the other specs use. */
export class InMemoryStaffAccounts implements Pick<StaffAccountsRepository, keyof StaffAccountsRepository> {
  readonly clocks = new Map<string, string>();
  readonly invitations: { accountId: string; email: string; role: Role; createdAt: Date; expiresAt: Date; acceptedAt?: Date }[] =
    [];

  constructor(private readonly tables: InMemoryAccounts) {}

  async search(_uow: UnitOfWork, search: AccountSearch, limit: number): Promise<StaffAccountRow[]> {
    const like = 'pattern' in search ? likeToRegExp(search.pattern) : undefined;
    const users = [...this.tables.users.values()];
    return [...this.tables.accounts.keys()]
      .map((id) => this.row(id)!)
      .filter((account) =>
        like
          ? like.test(foldAccents(account.companyName)) ||
            users.some((u) => u.accountId === account.accountId && like.test(u.email.toLowerCase()))
          : 'accountId' in search && account.accountId === search.accountId,
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.accountId.localeCompare(a.accountId))
      .slice(0, limit);
  }

  async find(_uow: UnitOfWork, accountId: string): Promise<StaffAccountRow | undefined> {
    return this.row(accountId);
  }

  async members(_uow: UnitOfWork, accountId: string, now: Date): Promise<StaffAccountMemberRow[]> {
    const users = [...this.tables.users.values()]
      .filter((u) => u.accountId === accountId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((u) => ({ userId: u.id, email: u.email, role: u.role, status: 'active' as const, since: u.createdAt }));
    const invited = this.invitations
      .filter((i) => i.accountId === accountId && !i.acceptedAt && i.expiresAt > now)
      .map((i) => ({ userId: null, email: i.email, role: i.role, status: 'invited' as const, since: i.createdAt }));
    return [...users, ...invited];
  }

  private row(accountId: string): StaffAccountRow | undefined {
    const account = this.tables.accounts.get(accountId);
    if (!account) return undefined;
    const owner = [...this.tables.users.values()]
      .filter((u) => u.accountId === accountId && u.role === 'owner')
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
    return {
      accountId,
      companyName: account.companyName,
      country: account.country,
      catalog: account.catalog,
      status: account.status,
      closureRequestedAt: account.closureRequestedAt ?? null,
      createdAt: account.createdAt,
      ownerEmail: owner?.email ?? null,
      testClockId: this.clocks.get(accountId) ?? null,
    };
  }
}
