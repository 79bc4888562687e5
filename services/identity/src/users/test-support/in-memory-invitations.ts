import { UnitOfWork } from '@obolus/messaging';
import { InMemoryAccounts } from '../../accounts/test-support/in-memory-accounts';
import { ClaimedInvitation, InvitationsRepository, NewInvitation, PendingInvitation } from '../invitations.repository';

type InvitationRow = NewInvitation & { acceptedAt?: Date; acceptedUserId?: string; createdAt?: Date };

/** The invitations table in memory, by token hash; claims check the account as the SQL does. */
export class InMemoryInvitations implements Pick<InvitationsRepository, keyof InvitationsRepository> {
  readonly rows = new Map<string, InvitationRow>();

  constructor(private readonly tables: InMemoryAccounts) {}

  async insert(_uow: UnitOfWork, invitation: NewInvitation, createdAt = new Date()): Promise<void> {
    this.rows.set(invitation.tokenHash.toString('hex'), { ...invitation, createdAt });
  }

  async listPending(_uow: UnitOfWork, accountId: string, now: Date): Promise<PendingInvitation[]> {
    return [...this.rows.values()]
      .filter((r) => r.accountId === accountId && !r.acceptedAt && r.expiresAt > now)
      .sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime())
      .map((r) => ({ id: r.id, email: r.email, role: r.role, invitedAt: r.createdAt!, expiresAt: r.expiresAt }));
  }

  async countPending(_uow: UnitOfWork, accountId: string, now: Date): Promise<number> {
    return [...this.rows.values()].filter((r) => r.accountId === accountId && !r.acceptedAt && r.expiresAt > now).length;
  }

  async claim(_uow: UnitOfWork, tokenHash: Buffer, userId: string, now: Date): Promise<ClaimedInvitation | undefined> {
    const row = this.rows.get(tokenHash.toString('hex'));
    if (!row || row.acceptedAt || row.expiresAt <= now) return undefined;
    if (this.tables.accounts.get(row.accountId)?.status !== 'active') return undefined;
    Object.assign(row, { acceptedAt: now, acceptedUserId: userId });
    return { id: row.id, accountId: row.accountId, email: row.email, role: row.role };
  }
}
