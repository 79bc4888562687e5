import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { accountRowsAsJson } from '@obolus/platform';

/** The account's rows in efactura-gateway's tables, for its data export (A3). */
@Injectable()
export class AccountDataRepository {
  /** The UBL documents built for the account's invoices and credit notes, with their XML. */
  documents({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'efactura_gateway.documents', accountId, { orderBy: 'created_at' });
  }

  /** Submissions to ANAF; the archive ANAF answered (its receipt: invoice and signature) comes apart. */
  submissions({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'efactura_gateway.submissions', accountId, { omit: ['archive'], orderBy: 'queued_at' });
  }

  async submissionArchives({ manager }: UnitOfWork, accountId: string): Promise<{ documentId: string; archive: Buffer }[]> {
    const rows = (await manager.query(
      `SELECT document_id, archive FROM efactura_gateway.submissions WHERE account_id = $1 AND archive IS NOT NULL`,
      [accountId],
    )) as { document_id: string; archive: Buffer }[];
    return rows.map((row) => ({ documentId: row.document_id, archive: row.archive }));
  }

  /** Earlier attempts of submissions retried by staff (who and why); their archives come apart. */
  submissionAttempts({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'efactura_gateway.submission_attempts', accountId, {
      omit: ['archive'],
      orderBy: 'retried_at',
    });
  }

  async submissionAttemptArchives(
    { manager }: UnitOfWork,
    accountId: string,
  ): Promise<{ documentId: string; attempt: number; archive: Buffer }[]> {
    const rows = (await manager.query(
      `SELECT document_id, attempt, archive FROM efactura_gateway.submission_attempts WHERE account_id = $1 AND archive IS NOT NULL`,
      [accountId],
    )) as { document_id: string; attempt: number; archive: Buffer }[];
    return rows.map((row) => ({ documentId: row.document_id, attempt: row.attempt, archive: row.archive }));
  }

  /** The upload mode the owner chose (none while automatic by default). */
  uploadSettings({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'efactura_gateway.upload_settings', accountId);
  }

  /** Authorised CUIs, without the sealed tokens (secrets of the connection, not the customer's data). */
  authorizations({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'efactura_gateway.authorizations', accountId, {
      omit: ['access_token_sealed', 'refresh_token_sealed'],
    });
  }

  /** Supplier invoices downloaded from ANAF; their archives come apart. */
  incoming({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'efactura_gateway.incoming_invoices', accountId, { omit: ['archive'] });
  }

  async incomingArchives({ manager }: UnitOfWork, accountId: string): Promise<{ anafId: string; archive: Buffer }[]> {
    const rows = (await manager.query(`SELECT anaf_id, archive FROM efactura_gateway.incoming_invoices WHERE account_id = $1`, [
      accountId,
    ])) as { anaf_id: string; archive: Buffer }[];
    return rows.map((row) => ({ anafId: row.anaf_id, archive: row.archive }));
  }

  /**
   * The purge: the ANAF connection (sealed tokens, pending OAuth states), the supplier-invoice listings and
   * the supplier invoices go. The UBL documents and ANAF's receipts of the account's own invoices stay: they
   * are the invoices the law requires kept (Legea contabilității 82/1991 art. 25).
   */
  async purge({ manager }: UnitOfWork, accountId: string): Promise<void> {
    await manager.query(`DELETE FROM efactura_gateway.incoming_invoices WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM efactura_gateway.incoming_cursors WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM efactura_gateway.oauth_states WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM efactura_gateway.authorizations WHERE account_id = $1`, [accountId]);
  }
}
