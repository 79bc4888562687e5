import { Injectable } from '@nestjs/common';
import { insertIfAbsent } from '@obolus/database';
import { UnitOfWork } from '@obolus/messaging';
import { DraftEntity } from './entities/draft.entity';
import { InvoiceEntity } from './entities/invoice.entity';

export interface StoredPdf {
  number: string;
  pdf: Buffer;
}

/** Drafts, issued invoices and the numbering series. */
@Injectable()
export class InvoicesRepository {
  /** Inserts unless a draft for the same cause exists (a redelivered event); true when inserted. */
  async insertDraft({ manager }: UnitOfWork, draft: DraftEntity): Promise<boolean> {
    return insertIfAbsent(manager, DraftEntity, draft);
  }

  lockDraft({ manager }: UnitOfWork, accountId: string, draftId: string): Promise<DraftEntity | null> {
    return manager.findOne(DraftEntity, { where: { accountId, id: draftId }, lock: { mode: 'pessimistic_write' } });
  }

  async markDraftInvoiced({ manager }: UnitOfWork, accountId: string, draftId: string, invoiceId: string): Promise<void> {
    await manager.update(DraftEntity, { accountId, id: draftId }, { status: 'invoiced', invoiceId });
  }

  /**
   * The next number of a series, taken under the series row's lock: concurrent issuers queue here, and
   * a rolled-back issue gives its number back, so numbers are gapless and unique (I3). A series belongs
   * to a seller entity and a year, not to an account.
   */
  async takeNextNumber({ manager }: UnitOfWork, series: string): Promise<number> {
    await manager.query(`INSERT INTO invoicing.invoice_series (series, next_number) VALUES ($1, 1) ON CONFLICT DO NOTHING`, [
      series,
    ]);
    // Wrapped in a CTE so the driver returns the rows (a bare UPDATE answers [rows, count]).
    const rows: { taken: string }[] = await manager.query(
      `WITH taken AS (
         UPDATE invoicing.invoice_series SET next_number = next_number + 1 WHERE series = $1 RETURNING next_number - 1 AS taken
       ) SELECT taken FROM taken`,
      [series],
    );
    return Number(rows[0]!.taken);
  }

  async insertInvoice({ manager }: UnitOfWork, invoice: InvoiceEntity): Promise<void> {
    await manager.insert(InvoiceEntity, invoice);
  }

  listInvoices({ manager }: UnitOfWork, accountId: string): Promise<InvoiceEntity[]> {
    return manager.find(InvoiceEntity, { where: { accountId }, order: { issuedAt: 'DESC' }, take: 200 });
  }

  findInvoice({ manager }: UnitOfWork, accountId: string, invoiceId: string): Promise<InvoiceEntity | null> {
    return manager.findOne(InvoiceEntity, { where: { accountId, id: invoiceId } });
  }

  async findPdf({ manager }: UnitOfWork, accountId: string, invoiceId: string): Promise<StoredPdf | null> {
    const rows: StoredPdf[] = await manager.query(
      `SELECT number, pdf FROM invoicing.invoices WHERE account_id = $1 AND id = $2`,
      [accountId, invoiceId],
    );
    return rows[0] ?? null;
  }

  /**
   * Any account's invoice, the one query not filtered by account: for other Obolus services on the
   * internal route, which know an invoice by the id its event gave them.
   */
  async findPdfById({ manager }: UnitOfWork, invoiceId: string): Promise<StoredPdf | null> {
    const rows: StoredPdf[] = await manager.query(`SELECT number, pdf FROM invoicing.invoices WHERE id = $1`, [invoiceId]);
    return rows[0] ?? null;
  }
}
