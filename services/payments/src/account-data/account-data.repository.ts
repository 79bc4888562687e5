import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { accountRowsAsJson } from '@obolus/platform';

/** The account's rows in payments' tables, for its data export (A3). */
@Injectable()
export class AccountDataRepository {
  /** The customer at the provider and its default payment method (one row at most). */
  customer({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'payments.customers', accountId);
  }

  /** Payments, without the trace headers that only serve tracing. */
  payments({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'payments.payments', accountId, { omit: ['trace_headers'], orderBy: 'created_at' });
  }

  /** Bank transfers received for the account's payments (P2). */
  bankTransfers({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'payments.bank_transfers', accountId, { ifTableExists: true });
  }

  refunds({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'payments.refunds', accountId, { orderBy: 'created_at', ifTableExists: true });
  }

  /**
   * The purge: the customer at the provider and its payment methods (with their mandates) go; payments and refunds stay as
   * accounting records (pièces justificatives, kept ten years like the invoices they settle), with the
   * provider's messages about the card and the payers' names (card failures, bank transfers) cleared.
   */
  async purge({ manager }: UnitOfWork, accountId: string): Promise<void> {
    await manager.query(`DELETE FROM payments.customers WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM payments.saved_payment_methods WHERE account_id = $1`, [accountId]);
    await manager.query(
      `UPDATE payments.payments SET failure_message = NULL, buyer_name = NULL, trace_headers = '{}'::jsonb WHERE account_id = $1`,
      [accountId],
    );
    await manager.query(`UPDATE payments.bank_transfers SET payer_name = NULL WHERE account_id = $1`, [accountId]);
  }
}
