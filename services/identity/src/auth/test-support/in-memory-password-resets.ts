import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { PasswordResetsRepository } from '../password-resets.repository';

export interface ResetRow {
  userId: string;
  accountId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Password reset tokens in memory, keyed by their hash, for use-case specs. */
export class InMemoryPasswordResets implements Pick<PasswordResetsRepository, keyof PasswordResetsRepository> {
  readonly rows = new Map<string, ResetRow>();

  constructor(private readonly clock: Clock) {}

  async insert(
    _uow: UnitOfWork,
    reset: { tokenHash: Buffer; userId: string; accountId: string; expiresAt: Date },
  ): Promise<void> {
    this.rows.set(reset.tokenHash.toString('hex'), { ...reset, usedAt: null });
  }

  async claim(_uow: UnitOfWork, tokenHash: Buffer): Promise<{ userId: string; accountId: string } | undefined> {
    const row = this.rows.get(tokenHash.toString('hex'));
    const now = this.clock.now();
    if (!row || row.usedAt || row.expiresAt <= now) return undefined;
    row.usedAt = now;
    return { userId: row.userId, accountId: row.accountId };
  }

  async spendAllOf(_uow: UnitOfWork, accountId: string, userId: string): Promise<void> {
    for (const row of this.rows.values())
      if (row.accountId === accountId && row.userId === userId && !row.usedAt) row.usedAt = this.clock.now();
  }

  /** The reset tokens of a user still usable, for assertions. */
  usable(userId: string): ResetRow[] {
    return [...this.rows.values()].filter((r) => r.userId === userId && !r.usedAt && r.expiresAt > this.clock.now());
  }
}
