import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { accountRowsAsJson } from '@obolus/platform';

/** An issued document as exported: its data without the PDF, and the PDF's bytes. */
export interface ExportedDocument {
  number: string;
  data: Record<string, unknown>;
  pdf: Buffer;
}

/** The account's rows in invoicing's tables, for its data export (A3). */
@Injectable()
export class AccountDataRepository {
  customer({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'invoicing.customers', accountId);
  }

  billingDetails({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'invoicing.billing_details', accountId);
  }

  vatNumberChecks({ manager }: UnitOfWork, accountId: string): Promise<Record<string, unknown>[]> {
    return accountRowsAsJson(manager, 'invoicing.vat_number_checks', accountId, { orderBy: 'checked_at' });
  }

  invoices(uow: UnitOfWork, accountId: string): Promise<ExportedDocument[]> {
    return this.documents(uow, 'invoicing.invoices', accountId, false);
  }

  /** Credit notes (I3), read once their table exists. */
  creditNotes(uow: UnitOfWork, accountId: string): Promise<ExportedDocument[]> {
    return this.documents(uow, 'invoicing.credit_notes', accountId, true);
  }

  /** Proformas (P2), read once their table exists. */
  proformas(uow: UnitOfWork, accountId: string): Promise<ExportedDocument[]> {
    return this.documents(uow, 'invoicing.proformas', accountId, true);
  }

  private async documents(
    { manager }: UnitOfWork,
    table: 'invoicing.invoices' | 'invoicing.credit_notes' | 'invoicing.proformas',
    accountId: string,
    ifTableExists: boolean,
  ): Promise<ExportedDocument[]> {
    const data = await accountRowsAsJson(manager, table, accountId, { omit: ['pdf'], orderBy: 'issued_at', ifTableExists });
    if (data.length === 0) return [];
    const pdfs = (await manager.query(`SELECT id, pdf FROM ${table} WHERE account_id = $1`, [accountId])) as {
      id: string;
      pdf: Buffer;
    }[];
    const pdfOf = new Map(pdfs.map((row) => [row.id, row.pdf]));
    return data.map((row) => ({ number: String(row.number), data: row, pdf: pdfOf.get(String(row.id)) ?? Buffer.alloc(0) }));
  }

  /**
   * The purge: the billing details, the customer record, the VIES checks, the proformas and the drafts go;
   * the issued invoices and credit notes stay, immutable, and the account is marked retained until the end
   * of the tenth year after its last document's year (none: the purge day).
   */
  async purge({ manager }: UnitOfWork, accountId: string, purgedAt: Date, legalBasis: string): Promise<void> {
    await manager.query(`DELETE FROM invoicing.billing_details WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM invoicing.vat_number_checks WHERE account_id = $1`, [accountId]);
    // A proforma is no accounting document (neither in France nor in Romania): it goes, before its draft.
    await manager.query(`DELETE FROM invoicing.proformas WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM invoicing.drafts WHERE account_id = $1`, [accountId]);
    await manager.query(`DELETE FROM invoicing.customers WHERE account_id = $1`, [accountId]);
    const [counts] = (await manager.query(
      `SELECT (SELECT count(*) FROM invoicing.invoices WHERE account_id = $1)::int AS invoices,
              (SELECT max(issue_date)::text FROM invoicing.invoices WHERE account_id = $1) AS last_issue_date`,
      [accountId],
    )) as { invoices: number; last_issue_date: string | null }[];
    const creditNotes = await this.creditNotes({ manager } as UnitOfWork, accountId);
    const lastDay = [counts?.last_issue_date, ...creditNotes.map((note) => note.data.issue_date)]
      .filter((day): day is string => typeof day === 'string' && /^\d{4}-\d{2}-\d{2}/.test(day))
      .sort()
      .at(-1);
    const lastYear = Number((lastDay ?? purgedAt.toISOString()).slice(0, 4));
    await manager.query(
      `INSERT INTO invoicing.retained_accounts (account_id, purged_at, retained_until, invoices, credit_notes, legal_basis)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (account_id) DO NOTHING`,
      [accountId, purgedAt, `${lastYear + 10}-12-31`, counts?.invoices ?? 0, creditNotes.length, legalBasis],
    );
  }
}
