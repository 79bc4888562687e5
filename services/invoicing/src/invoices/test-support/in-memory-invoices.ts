import { UnitOfWork } from '@obolus/messaging';
import { DraftEntity } from '../entities/draft.entity';
import { InvoiceEntity } from '../entities/invoice.entity';
import { InvoicesRepository, StoredPdf } from '../invoices.repository';

/** Drafts, invoices and series counters in memory, for use-case specs. */
export class InMemoryInvoices implements Pick<InvoicesRepository, keyof InvoicesRepository> {
  readonly drafts = new Map<string, DraftEntity>();
  readonly invoices = new Map<string, InvoiceEntity>();
  readonly series = new Map<string, number>();

  async insertDraft(_uow: UnitOfWork, draft: DraftEntity): Promise<boolean> {
    if ([...this.drafts.values()].some((d) => d.causeEventId === draft.causeEventId)) return false;
    this.drafts.set(draft.id, structuredClone(draft));
    return true;
  }

  async lockDraft(_uow: UnitOfWork, accountId: string, draftId: string): Promise<DraftEntity | null> {
    const draft = this.drafts.get(draftId);
    return draft && draft.accountId === accountId ? structuredClone(draft) : null;
  }

  async markDraftInvoiced(_uow: UnitOfWork, accountId: string, draftId: string, invoiceId: string): Promise<void> {
    const draft = this.drafts.get(draftId);
    if (draft?.accountId === accountId) Object.assign(draft, { status: 'invoiced', invoiceId });
  }

  async takeNextNumber(_uow: UnitOfWork, series: string): Promise<number> {
    const taken = this.series.get(series) ?? 1;
    this.series.set(series, taken + 1);
    return taken;
  }

  async insertInvoice(_uow: UnitOfWork, invoice: InvoiceEntity): Promise<void> {
    if (this.invoices.has(invoice.id)) throw new Error(`duplicate invoice ${invoice.id}`);
    this.invoices.set(invoice.id, { ...invoice });
  }

  async listInvoices(_uow: UnitOfWork, accountId: string): Promise<InvoiceEntity[]> {
    return [...this.invoices.values()]
      .filter((i) => i.accountId === accountId)
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())
      .slice(0, 200)
      .map(withoutPdf);
  }

  async findInvoice(_uow: UnitOfWork, accountId: string, invoiceId: string): Promise<InvoiceEntity | null> {
    const invoice = this.invoices.get(invoiceId);
    return invoice?.accountId === accountId ? withoutPdf(invoice) : null;
  }

  async findPdf(_uow: UnitOfWork, accountId: string, invoiceId: string): Promise<StoredPdf | null> {
    const invoice = this.invoices.get(invoiceId);
    return invoice?.accountId === accountId ? { number: invoice.number, pdf: invoice.pdf } : null;
  }

  async findPdfById(_uow: UnitOfWork, invoiceId: string): Promise<StoredPdf | null> {
    const invoice = this.invoices.get(invoiceId);
    return invoice ? { number: invoice.number, pdf: invoice.pdf } : null;
  }
}

/** The PDF column is not selected by default (`select: false`), as in Postgres. */
function withoutPdf(invoice: InvoiceEntity): InvoiceEntity {
  const { pdf: _pdf, ...rest } = invoice;
  return rest as InvoiceEntity;
}
