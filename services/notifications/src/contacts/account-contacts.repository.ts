import { Injectable } from '@nestjs/common';
import { Locale } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';

/** Who speaks for an account, and in which language: its owner, from identity's account.created. */
export interface AccountContact {
  accountId: string;
  ownerEmail: string;
  locale: Locale;
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
}
