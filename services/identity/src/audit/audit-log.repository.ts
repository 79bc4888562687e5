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
  | 'staff.sign-in.failed';

export interface AuditEntry {
  event: AuditEventName;
  accountId?: string | null;
  staffId?: string | null;
  actorUserId?: string | null;
  subjectId?: string | null;
  clientIp?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRecord {
  id: string;
  event: AuditEventName;
  actorUserId: string | null;
  subjectId: string | null;
  clientIp: string | null;
  details: Record<string, unknown>;
  occurredAt: string;
}

interface AuditRow {
  id: string;
  event: AuditEventName;
  actor_user_id: string | null;
  subject_id: string | null;
  client_ip: string | null;
  details: Record<string, unknown>;
  occurred_at: Date;
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
      `INSERT INTO identity.audit_log (account_id, staff_id, actor_user_id, subject_id, event, client_ip, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.accountId ?? null,
        entry.staffId ?? null,
        entry.actorUserId ?? null,
        entry.subjectId ?? null,
        entry.event,
        entry.clientIp ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  /** One account's trail, newest first, by pages (`before` is the last id of the previous page). */
  async listForAccount({ manager }: UnitOfWork, accountId: string, page: AuditPage): Promise<AuditRecord[]> {
    const rows = (await manager.query(
      `SELECT id::text, event, actor_user_id, subject_id, client_ip, details, occurred_at
         FROM identity.audit_log
        WHERE account_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY id DESC
        LIMIT $3`,
      [accountId, page.before ?? null, page.limit],
    )) as AuditRow[];
    return rows.map((row) => ({
      id: row.id,
      event: row.event,
      actorUserId: row.actor_user_id,
      subjectId: row.subject_id,
      clientIp: row.client_ip,
      details: row.details,
      occurredAt: row.occurred_at.toISOString(),
    }));
  }
}
