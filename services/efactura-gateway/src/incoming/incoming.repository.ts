import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { IncomingSummary } from './mappers/incoming-summary';

/** A supplier invoice as stored: ANAF's archive unchanged, and what could be read from it. */
export interface IncomingInvoice extends IncomingSummary {
  id: string;
  accountId: string;
  cif: string;
  /** ANAF's download id: a message is stored once. */
  anafId: string;
  uploadIndex: string;
  /** yyyyMMddHHmm, Romanian time, as ANAF lists it. */
  createdAtAnaf: string;
  signer: string | null;
  receivedAt: Date;
}

export type ListedIncomingInvoice = Omit<IncomingInvoice, 'parsed'>;

interface Row {
  id: string;
  account_id: string;
  cif: string;
  anaf_id: string;
  upload_index: string;
  created_at_anaf: string;
  supplier_cif: string | null;
  supplier_name: string | null;
  number: string | null;
  issue_date: string | null;
  currency: string | null;
  payable_minor: string | null;
  parse_error: string | null;
  signer: string | null;
  received_at: Date;
}

const LISTED = `id, account_id, cif, anaf_id, upload_index, created_at_anaf, supplier_cif, supplier_name, number, issue_date,
  currency, payable_minor, parse_error, signer, received_at`;

const listedOf = (row: Row): ListedIncomingInvoice => ({
  id: row.id,
  accountId: row.account_id,
  cif: row.cif,
  anafId: row.anaf_id,
  uploadIndex: row.upload_index,
  createdAtAnaf: row.created_at_anaf,
  supplierCif: row.supplier_cif,
  supplierName: row.supplier_name,
  number: row.number,
  issueDate: row.issue_date,
  currency: row.currency,
  payableMinor: row.payable_minor === null ? null : BigInt(row.payable_minor),
  parseError: row.parse_error,
  signer: row.signer,
  receivedAt: row.received_at,
});

/** Supplier invoices, always looked up by their account; the archive is read only when asked for. */
@Injectable()
export class IncomingRepository {
  /** The ANAF ids among these that the CUI already has. */
  async known({ manager }: UnitOfWork, accountId: string, cif: string, anafIds: string[]): Promise<Set<string>> {
    if (anafIds.length === 0) return new Set();
    const rows: { anaf_id: string }[] = await manager.query(
      `SELECT anaf_id FROM efactura_gateway.incoming_invoices WHERE account_id = $1 AND cif = $2 AND anaf_id = ANY($3)`,
      [accountId, cif, anafIds],
    );
    return new Set(rows.map((r) => r.anaf_id));
  }

  async insertIfAbsent({ manager }: UnitOfWork, i: IncomingInvoice, archive: Buffer): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO efactura_gateway.incoming_invoices (id, account_id, cif, anaf_id, upload_index, created_at_anaf, supplier_cif,
         supplier_name, number, issue_date, currency, payable_minor, parsed, parse_error, archive, signer, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (account_id, cif, anaf_id) DO NOTHING RETURNING id`,
      [
        i.id,
        i.accountId,
        i.cif,
        i.anafId,
        i.uploadIndex,
        i.createdAtAnaf,
        i.supplierCif,
        i.supplierName,
        i.number,
        i.issueDate,
        i.currency,
        i.payableMinor === null ? null : i.payableMinor.toString(),
        i.parsed === null ? null : JSON.stringify(i.parsed),
        i.parseError,
        archive,
        i.signer,
        i.receivedAt,
      ],
    );
    return rows.length > 0;
  }

  /**
   * The CUI's authorisation as a listing needs it, and where its last listing ended. Nothing is locked:
   * the job runner runs one listing of a chain at a time, and the authorisation row is for token
   * refreshes, which lock it in units of work of their own.
   */
  async listingState(
    { manager }: UnitOfWork,
    accountId: string,
    cif: string,
  ): Promise<{ listedUntil: Date | null; connectedAt: Date; status: string } | undefined> {
    const rows: { listed_until: Date | null; connected_at: Date; status: string }[] = await manager.query(
      `SELECT c.listed_until, a.connected_at, a.status FROM efactura_gateway.authorizations a
         LEFT JOIN efactura_gateway.incoming_cursors c ON c.account_id = a.account_id AND c.cif = a.cif
        WHERE a.account_id = $1 AND a.cif = $2`,
      [accountId, cif],
    );
    const row = rows[0];
    return row ? { listedUntil: row.listed_until, connectedAt: row.connected_at, status: row.status } : undefined;
  }

  async saveListedUntil({ manager }: UnitOfWork, accountId: string, cif: string, until: Date): Promise<void> {
    await manager.query(
      `INSERT INTO efactura_gateway.incoming_cursors (account_id, cif, listed_until) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, cif) DO UPDATE SET listed_until = EXCLUDED.listed_until`,
      [accountId, cif, until],
    );
  }

  /** The latest 200, newest first, without archive or parsed document. */
  async listByAccount({ manager }: UnitOfWork, accountId: string): Promise<ListedIncomingInvoice[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${LISTED} FROM efactura_gateway.incoming_invoices WHERE account_id = $1 ORDER BY received_at DESC, anaf_id DESC LIMIT 200`,
      [accountId],
    );
    return rows.map(listedOf);
  }

  async archiveOf({ manager }: UnitOfWork, accountId: string, id: string): Promise<{ zip: Buffer; anafId: string } | undefined> {
    const rows: { archive: Buffer; anaf_id: string }[] = await manager.query(
      `SELECT archive, anaf_id FROM efactura_gateway.incoming_invoices WHERE account_id = $1 AND id = $2`,
      [accountId, id],
    );
    return rows[0] ? { zip: rows[0].archive, anafId: rows[0].anaf_id } : undefined;
  }
}
