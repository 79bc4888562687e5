import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { InvoiceEntity } from '../invoices/entities/invoice.entity';
import { StoredPdf } from '../invoices/invoices.repository';
import { CreditNoteEntity } from './entities/credit-note.entity';

/** Issued credit notes, always by account (but for the internal PDF route). */
@Injectable()
export class CreditNotesRepository {
  /** The invoice to credit, locked so credit notes of one invoice queue and never credit more than it. */
  lockInvoice({ manager }: UnitOfWork, accountId: string, invoiceId: string): Promise<InvoiceEntity | null> {
    return manager.findOne(InvoiceEntity, { where: { accountId, id: invoiceId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The invoice a paid draft became, locked as above. */
  lockInvoiceOfDraft({ manager }: UnitOfWork, accountId: string, draftId: string): Promise<InvoiceEntity | null> {
    return manager.findOne(InvoiceEntity, { where: { accountId, draftId }, lock: { mode: 'pessimistic_write' } });
  }

  async insert({ manager }: UnitOfWork, creditNote: CreditNoteEntity): Promise<void> {
    await manager.insert(CreditNoteEntity, creditNote);
  }

  findByRefund({ manager }: UnitOfWork, accountId: string, refundId: string): Promise<CreditNoteEntity | null> {
    return manager.findOne(CreditNoteEntity, { where: { accountId, refundId } });
  }

  /** Everything credited on an invoice so far, VAT included. */
  async creditedOn({ manager }: UnitOfWork, accountId: string, invoiceId: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT COALESCE(SUM((totals->>'grossMinor')::bigint), 0)::bigint AS total FROM invoicing.credit_notes
        WHERE account_id = $1 AND invoice_id = $2`,
      [accountId, invoiceId],
    )) as { total: string }[];
    return Number(row!.total);
  }

  list({ manager }: UnitOfWork, accountId: string): Promise<CreditNoteEntity[]> {
    return manager.find(CreditNoteEntity, { where: { accountId }, order: { issuedAt: 'DESC' }, take: 200 });
  }

  find({ manager }: UnitOfWork, accountId: string, creditNoteId: string): Promise<CreditNoteEntity | null> {
    return manager.findOne(CreditNoteEntity, { where: { accountId, id: creditNoteId } });
  }

  async findPdf({ manager }: UnitOfWork, accountId: string, creditNoteId: string): Promise<StoredPdf | null> {
    const rows: StoredPdf[] = await manager.query(
      `SELECT number, pdf FROM invoicing.credit_notes WHERE account_id = $1 AND id = $2`,
      [accountId, creditNoteId],
    );
    return rows[0] ?? null;
  }

  /** Any account's credit note, for other Obolus services on the internal route (they know it by its event). */
  async findPdfById({ manager }: UnitOfWork, creditNoteId: string): Promise<StoredPdf | null> {
    const rows: StoredPdf[] = await manager.query(`SELECT number, pdf FROM invoicing.credit_notes WHERE id = $1`, [creditNoteId]);
    return rows[0] ?? null;
  }
}
