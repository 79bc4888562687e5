import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { accountRowsAsJson } from '@obolus/platform';

/** The account's rows in subscriptions' tables, for its data export (A3). */
@Injectable()
export class AccountDataRepository {
  async history({ manager }: UnitOfWork, accountId: string): Promise<Record<string, Record<string, unknown>[]>> {
    return {
      subscriptions: await accountRowsAsJson(manager, 'subscriptions.subscriptions', accountId),
      'seat-changes': await accountRowsAsJson(manager, 'subscriptions.seat_changes', accountId),
      'pending-charges': await accountRowsAsJson(manager, 'subscriptions.pending_charges', accountId),
      'usage-records': await accountRowsAsJson(manager, 'subscriptions.usage_records', accountId),
    };
  }

  /**
   * Deletes every row of the account in subscriptions' tables (none is an invoice: subscriptions keeps
   * nothing the law requires). Children first, for their foreign keys.
   */
  async deleteAll({ manager }: UnitOfWork, accountId: string): Promise<void> {
    await manager.query(`DELETE FROM subscriptions.pending_charges WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM subscriptions.seat_changes WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM subscriptions.usage_records WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM subscriptions.staff_requests WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM subscriptions.subscriptions WHERE account_id = $1`, [accountId]);
  }
}
