import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';

export type AuditEventName =
  | 'sign-in.succeeded'
  | 'sign-in.failed'
  | 'sign-out'
  | 'refresh-token.reused'
  | 'password.changed'
  | 'password.reset-requested'
  | 'password.reset'
  | 'role.changed'
  | 'user.invited'
  | 'user.joined'
  | 'user.removed'
  | 'account.closure-requested'
  | 'account.export-requested'
  | 'account.export-ready'
  | 'account.purged'
  | 'staff.sign-in.succeeded'
  | 'staff.sign-in.failed'
  /** A staff member acted on the account (staff.action-taken, from any service); details hold what and why. */
  | 'staff.action-taken';

export interface AuditEntry {
  event: AuditEventName;
  accountId?: string | null;
  staffId?: string | null;
  actorUserId?: string | null;
  subjectId?: string | null;
  clientIp?: string | null;
  details?: Record<string, unknown>;
  /** When it happened, when that is not the moment it is written (an event consumed later). */
  occurredAt?: Date;
}

/** Who did it: a user of the account, or a staff member; null when nobody is known (a failed sign-in). */
export type AuditActor = { type: 'user' | 'staff'; id: string; email: string | null } | null;

export interface AuditRecord {
  id: string;
  event: AuditEventName;
  actorUserId: string | null;
  subjectId: string | null;
  clientIp: string | null;
  details: Record<string, unknown>;
  occurredAt: string;
  actor: AuditActor;
  /** What was done: the staff action (subscription.bill-early…) for staff actions, else the event. */
  action: string;
  /** Why, when the entry says: the staff member's reason, or the reason of a refusal. */
  reason: string | null;
  /** What it was done to: the staff action's subject, or the user the event is about. */
  subject: { type: string; id: string } | null;
}

/** A stored entry and the e-mail address of its actor, as the trail's reader shows them. */
export interface StoredAuditEntry {
  id: string;
  event: AuditEventName;
  staffId: string | null;
  actorUserId: string | null;
  subjectId: string | null;
  clientIp: string | null;
  details: Record<string, unknown>;
  occurredAt: Date;
  actorEmail: string | null;
}

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** What a UI shows of an entry: who, what, why and to what, read from the columns and the details. */
export function toAuditRecord(entry: StoredAuditEntry): AuditRecord {
  const details = entry.details ?? {};
  const staffSubject = details.subject as { type?: unknown; id?: unknown } | undefined;
  const actor: AuditActor = entry.staffId
    ? { type: 'staff', id: entry.staffId, email: textOf(details.staffEmail) ?? entry.actorEmail }
    : entry.actorUserId
      ? { type: 'user', id: entry.actorUserId, email: entry.actorEmail }
      : null;
  const subject =
    typeof staffSubject?.type === 'string' && typeof staffSubject.id === 'string'
      ? { type: staffSubject.type, id: staffSubject.id }
      : entry.subjectId
        ? { type: 'user', id: entry.subjectId }
        : null;
  return {
    id: entry.id,
    event: entry.event,
    actorUserId: entry.actorUserId,
    subjectId: entry.subjectId,
    clientIp: entry.clientIp,
    details,
    occurredAt: entry.occurredAt.toISOString(),
    actor,
    action: (entry.event === 'staff.action-taken' && textOf(details.action)) || entry.event,
    reason: textOf(details.reason),
    subject,
  };
}

interface AuditRow {
  id: string;
  event: AuditEventName;
  staff_id: string | null;
  actor_user_id: string | null;
  subject_id: string | null;
  client_ip: string | null;
  details: Record<string, unknown>;
  occurred_at: Date;
  actor_email: string | null;
}

/** A page of the trail: at most `limit` entries older than the entry `before`. */
export interface AuditPage {
  limit: number;
  before?: string;
}

/** The security trail: written in the transaction of the change it records. */
@Injectable()
export class AuditLogRepository {
  async record({ manager }: UnitOfWork, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO identity.audit_log (account_id, staff_id, actor_user_id, subject_id, event, client_ip, details, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::timestamptz, now()))`,
      [
        entry.accountId ?? null,
        entry.staffId ?? null,
        entry.actorUserId ?? null,
        entry.subjectId ?? null,
        entry.event,
        entry.clientIp ?? null,
        JSON.stringify(entry.details ?? {}),
        entry.occurredAt ?? null,
      ],
    );
  }

  /** Whether the account's trail already holds the entry recorded from this event (details.eventId). */
  async hasEvent({ manager }: UnitOfWork, accountId: string, eventId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM identity.audit_log WHERE account_id = $1 AND details->>'eventId' = $2 LIMIT 1`,
      [accountId, eventId],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * One account's trail, newest first, by pages (`before` is the last id of the previous page), with the
   * address of each actor: the staff member's as the event gave it, the user's as identity holds it now.
   */
  async listForAccount({ manager }: UnitOfWork, accountId: string, page: AuditPage): Promise<AuditRecord[]> {
    const rows = (await manager.query(
      `SELECT l.id::text, l.event, l.staff_id, l.actor_user_id, l.subject_id, l.client_ip, l.details, l.occurred_at,
              COALESCE(s.email, u.email) AS actor_email
         FROM identity.audit_log l
         LEFT JOIN identity.staff_users s ON s.id = l.staff_id
         LEFT JOIN identity.users u ON u.id = l.actor_user_id AND u.account_id = l.account_id
        WHERE l.account_id = $1 AND ($2::bigint IS NULL OR l.id < $2::bigint)
        ORDER BY l.id DESC
        LIMIT $3`,
      [accountId, page.before ?? null, page.limit],
    )) as AuditRow[];
    return rows.map((row) =>
      toAuditRecord({
        id: row.id,
        event: row.event,
        staffId: row.staff_id,
        actorUserId: row.actor_user_id,
        subjectId: row.subject_id,
        clientIp: row.client_ip,
        details: row.details,
        occurredAt: row.occurred_at,
        actorEmail: row.actor_email,
      }),
    );
  }
}
