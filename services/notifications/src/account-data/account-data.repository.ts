import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';

/** The account's personal data in notifications' tables: its people's addresses and what was sent to them. */
@Injectable()
export class AccountDataRepository {
  /**
   * Deletes the owner's contact, the members and their preferences, the e-mails already sent or given up
   * (a pending one, such as the closure notice, is still sent), and the account's webhook endpoints with
   * every delivery and attempt (their bodies carried the account's events).
   */
  async purge({ manager }: UnitOfWork, accountId: string): Promise<void> {
    await manager.query(
      `DELETE FROM notifications.webhook_attempts WHERE delivery_id IN (SELECT id FROM notifications.webhook_deliveries WHERE account_id = $1)`,
      [accountId],
    );
    await manager.query(`DELETE FROM notifications.webhook_deliveries WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM notifications.webhook_endpoints WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM notifications.deliveries WHERE account_id = $1 AND status <> 'pending'`, [accountId]);
    await manager.query(`DELETE FROM notifications.notification_preferences WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM notifications.account_members WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM notifications.account_contacts WHERE account_id = $1`, [accountId]);
  }
}
