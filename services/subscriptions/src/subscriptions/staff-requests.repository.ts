import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';

/** A console request made under an Idempotency-Key: what it asked, to tell a retry from another request. */
export interface StaffRequest {
  accountId: string;
  idempotencyKey: string;
  action: string;
  request: Record<string, string | number>;
  createdAt: Date;
}

/** The console's requests that carried an Idempotency-Key, by account. */
@Injectable()
export class StaffRequestsRepository {
  async find({ manager }: UnitOfWork, accountId: string, idempotencyKey: string): Promise<StaffRequest | undefined> {
    const rows: { action: string; request: StaffRequest['request']; created_at: Date }[] = await manager.query(
      `SELECT action, request, created_at FROM subscriptions.staff_requests WHERE account_id = $1 AND idempotency_key = $2`,
      [accountId, idempotencyKey],
    );
    const row = rows[0];
    return row && { accountId, idempotencyKey, action: row.action, request: row.request, createdAt: new Date(row.created_at) };
  }

  async insert({ manager }: UnitOfWork, request: StaffRequest): Promise<void> {
    await manager.query(
      `INSERT INTO subscriptions.staff_requests (account_id, idempotency_key, action, request, created_at)
       VALUES ($1, $2, $3, $4::jsonb, $5)`,
      [request.accountId, request.idempotencyKey, request.action, JSON.stringify(request.request), request.createdAt],
    );
  }
}
