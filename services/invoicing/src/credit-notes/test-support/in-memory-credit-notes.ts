import { UnitOfWork } from '@obolus/messaging';
import { InvoiceEntity } from '../../invoices/entities/invoice.entity';
import { StoredPdf } from '../../invoices/invoices.repository';
import { InMemoryInvoices } from '../../invoices/test-support/in-memory-invoices';
import { CreditNotesRepository } from '../credit-notes.repository';
import { CreditNoteEntity } from '../entities/credit-note.entity';

/** invoicing.credit_notes in memory, with its unique keys, over the invoices of an InMemoryInvoices. */
export class InMemoryCreditNotes implements Pick<CreditNotesRepository, keyof CreditNotesRepository> {
  readonly rows = new Map<string, CreditNoteEntity>();

  constructor(private readonly invoices: InMemoryInvoices) {}

  async lockInvoice(_uow: UnitOfWork, accountId: string, invoiceId: string): Promise<InvoiceEntity | null> {
    const invoice = this.invoices.invoices.get(invoiceId);
    return invoice?.accountId === accountId ? structuredClone(invoice) : null;
  }

  async lockInvoiceOfDraft(_uow: UnitOfWork, accountId: string, draftId: string): Promise<InvoiceEntity | null> {
    const invoice = [...this.invoices.invoices.values()].find((i) => i.accountId === accountId && i.draftId === draftId);
    return invoice ? structuredClone(invoice) : null;
  }

  async insert(_uow: UnitOfWork, creditNote: CreditNoteEntity): Promise<void> {
    const rows = [...this.rows.values()];
    if (this.rows.has(creditNote.id)) throw new Error(`duplicate credit note ${creditNote.id}`);
    if (creditNote.refundId && rows.some((r) => r.refundId === creditNote.refundId)) throw new Error('duplicate refund_id');
    if (rows.some((r) => r.number === creditNote.number)) throw new Error(`duplicate number ${creditNote.number}`);
    this.rows.set(creditNote.id, structuredClone(creditNote));
  }

  async findByRefund(_uow: UnitOfWork, accountId: string, refundId: string): Promise<CreditNoteEntity | null> {
    const row = [...this.rows.values()].find((r) => r.accountId === accountId && r.refundId === refundId);
    return row ? withoutPdf(row) : null;
  }

  async creditedOn(_uow: UnitOfWork, accountId: string, invoiceId: string): Promise<number> {
    return [...this.rows.values()]
      .filter((r) => r.accountId === accountId && r.invoiceId === invoiceId)
      .reduce((sum, r) => sum + r.totals.grossMinor, 0);
  }

  async list(_uow: UnitOfWork, accountId: string): Promise<CreditNoteEntity[]> {
    return [...this.rows.values()]
      .filter((r) => r.accountId === accountId)
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())
      .map(withoutPdf);
  }

  async find(_uow: UnitOfWork, accountId: string, creditNoteId: string): Promise<CreditNoteEntity | null> {
    const row = this.rows.get(creditNoteId);
    return row?.accountId === accountId ? withoutPdf(row) : null;
  }

  async findPdf(_uow: UnitOfWork, accountId: string, creditNoteId: string): Promise<StoredPdf | null> {
    const row = this.rows.get(creditNoteId);
    return row?.accountId === accountId ? { number: row.number, pdf: row.pdf } : null;
  }

  async findPdfById(_uow: UnitOfWork, creditNoteId: string): Promise<StoredPdf | null> {
    const row = this.rows.get(creditNoteId);
    return row ? { number: row.number, pdf: row.pdf } : null;
  }
}

function withoutPdf({ pdf: _pdf, ...row }: CreditNoteEntity): CreditNoteEntity {
  return row as CreditNoteEntity;
}
