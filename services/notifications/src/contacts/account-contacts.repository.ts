import { Injectable } from '@nestjs/common';
import { Locale } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';

/** Who speaks for an account, and in which language: its owner, from identity's account.created. */
export interface AccountContact {
  accountId: string;
  ownerEmail: string;
  locale: Locale;
}

/** A user of an account, as identity announced it. */
export interface AccountMember {
  accountId: string;
  userId: string;
  email: string;
  role: string;
}

@Injectable()
export class AccountContactsRepository {
  async save({ manager }: UnitOfWork, contact: AccountContact): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.account_contacts (account_id, owner_email, locale) VALUES ($1, $2, $3)
       ON CONFLICT (account_id) DO UPDATE SET owner_email = EXCLUDED.owner_email, locale = EXCLUDED.locale`,
      [contact.accountId, contact.ownerEmail, contact.locale],
    );
  }

  async find({ manager }: UnitOfWork, accountId: string): Promise<AccountContact | undefined> {
    const [row] = await manager.query(
      `SELECT account_id AS "accountId", owner_email AS "ownerEmail", locale FROM notifications.account_contacts WHERE account_id = $1`,
      [accountId],
    );
    return row;
  }

  async saveMember({ manager }: UnitOfWork, member: AccountMember): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.account_members (account_id, user_id, email, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, user_id) DO UPDATE SET email = EXCLUDED.email, role = EXCLUDED.role`,
      [member.accountId, member.userId, member.email, member.role],
    );
  }

  async removeMember({ manager }: UnitOfWork, accountId: string, userId: string): Promise<void> {
    await manager.query(`DELETE FROM notifications.account_members WHERE account_id = $1 AND user_id = $2`, [accountId, userId]);
    await manager.query(`DELETE FROM notifications.notification_preferences WHERE account_id = $1 AND user_id = $2`, [
      accountId,
      userId,
    ]);
  }

  /**
   * Who hears an account notice: its owner and admins, less those who muted this template (when it
   * may be muted). In a stable order. Undefined when the account has no member known here.
   */
  async noticeRecipients({ manager }: UnitOfWork, accountId: string, template: string, mutable: boolean): Promise<string[] | undefined> {
    // Every member with whether they hear this notice, in one statement: no member at all means an
    // account whose users notifications never heard of, and the caller falls back on the event's address.
    const rows: { email: string; hears: boolean }[] = await manager.query(
      `SELECT m.email,
              m.role IN ('owner', 'admin') AND NOT ($3 AND coalesce($2 = ANY (p.muted), false)) AS hears
         FROM notifications.account_members m
         LEFT JOIN notifications.notification_preferences p ON p.account_id = m.account_id AND p.user_id = m.user_id
        WHERE m.account_id = $1
        ORDER BY m.role DESC, m.email`,
      [accountId, template, mutable],
    );
    if (rows.length === 0) return undefined;
    return rows.filter((row) => row.hears).map((row) => row.email);
  }

  async mutedBy({ manager }: UnitOfWork, accountId: string, userId: string): Promise<string[]> {
    const [row] = await manager.query(
      `SELECT muted FROM notifications.notification_preferences WHERE account_id = $1 AND user_id = $2`,
      [accountId, userId],
    );
    return row?.muted ?? [];
  }

  async saveMuted({ manager }: UnitOfWork, accountId: string, userId: string, muted: string[], at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.notification_preferences (account_id, user_id, muted, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, user_id) DO UPDATE SET muted = EXCLUDED.muted, updated_at = EXCLUDED.updated_at`,
      [accountId, userId, muted, at],
    );
  }
}
