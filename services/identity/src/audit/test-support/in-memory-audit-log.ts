import { UnitOfWork } from '@obolus/messaging';
import { AuditEntry, AuditLogRepository, AuditPage, AuditRecord, toAuditRecord } from '../audit-log.repository';

/** The security trail in memory, in the order written, for use-case specs. */
export class InMemoryAuditLog implements Pick<AuditLogRepository, keyof AuditLogRepository> {
  readonly entries: (AuditEntry & { id: string; occurredAt: Date })[] = [];

  /** `emailOf` stands for the users and staff tables the real query joins for the actor's address. */
  constructor(
    private readonly now: () => Date = () => new Date(0),
    private readonly emailOf: (actorId: string) => string | undefined = () => undefined,
  ) {}

  async record(_uow: UnitOfWork, entry: AuditEntry): Promise<void> {
    this.entries.push({ ...entry, id: String(this.entries.length + 1), occurredAt: entry.occurredAt ?? this.now() });
  }

  async hasEvent(_uow: UnitOfWork, accountId: string, eventId: string): Promise<boolean> {
    return this.entries.some((e) => e.accountId === accountId && e.details?.eventId === eventId);
  }

  async listForAccount(_uow: UnitOfWork, accountId: string, page: AuditPage): Promise<AuditRecord[]> {
    return this.entries
      .filter((e) => e.accountId === accountId && (page.before === undefined || Number(e.id) < Number(page.before)))
      .reverse()
      .slice(0, page.limit)
      .map((e) => {
        const actorId = e.staffId ?? e.actorUserId ?? undefined;
        return toAuditRecord({
          id: e.id,
          event: e.event,
          staffId: e.staffId ?? null,
          actorUserId: e.actorUserId ?? null,
          subjectId: e.subjectId ?? null,
          clientIp: e.clientIp ?? null,
          details: e.details ?? {},
          occurredAt: e.occurredAt,
          actorEmail: (actorId && this.emailOf(actorId)) ?? null,
        });
      });
  }

  /** What the purge leaves of the account's trail: the events, without addresses or details. */
  scrub(accountId: string): void {
    for (const entry of this.entries) {
      if (entry.accountId === accountId) Object.assign(entry, { clientIp: null, details: {} });
    }
  }
}
