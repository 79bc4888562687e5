import { UnitOfWork } from '@obolus/messaging';
import { DeadlineStanding, DeadlinesRepository } from '../deadlines.repository';

/** Documents' standings in memory, by document id, for use-case specs. */
export class InMemoryDeadlines implements Pick<DeadlinesRepository, keyof DeadlinesRepository> {
  readonly rows = new Map<string, DeadlineStanding>();

  async lockStanding(_uow: UnitOfWork, documentId: string): Promise<DeadlineStanding | undefined> {
    const row = this.rows.get(documentId);
    return row ? { ...row } : undefined;
  }

  async markMissed(_uow: UnitOfWork, accountId: string, documentId: string, at: Date): Promise<void> {
    const row = this.rows.get(documentId);
    if (row && row.accountId === accountId && !row.deadlineMissedAt) row.deadlineMissedAt = at;
  }
}
