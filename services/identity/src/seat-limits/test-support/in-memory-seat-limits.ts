import { UnitOfWork } from '@obolus/messaging';
import { SeatLimit, SeatLimitsRepository } from '../seat-limits.repository';

/** identity.account_seat_limits in memory, for use-case specs, with the repository's version rule. */
export class InMemorySeatLimits implements Pick<SeatLimitsRepository, keyof SeatLimitsRepository> {
  readonly rows = new Map<string, SeatLimit>();

  async record(_uow: UnitOfWork, limit: SeatLimit): Promise<boolean> {
    const stored = this.rows.get(limit.accountId);
    if (stored && stored.version >= limit.version) return false;
    this.rows.set(limit.accountId, { ...limit });
    return true;
  }

  async lock(_uow: UnitOfWork, accountId: string): Promise<SeatLimit | undefined> {
    const row = this.rows.get(accountId);
    return row ? { ...row } : undefined;
  }

  /** A limit as a subscription.changed would leave it. */
  seed(accountId: string, maxSeats: number, edition: string, version = 1): void {
    this.rows.set(accountId, { accountId, maxSeats, edition, version, updatedAt: new Date('2026-03-01T09:00:00Z') });
  }
}
