import { UnitOfWork } from '@obolus/messaging';
import { StoredPdf } from '../../invoices/invoices.repository';
import { ProformaEntity } from '../entities/proforma.entity';
import { ProformasRepository } from '../proformas.repository';

/** invoicing.proformas in memory, with its unique keys, for use-case specs. */
export class InMemoryProformas implements Pick<ProformasRepository, keyof ProformasRepository> {
  readonly rows = new Map<string, ProformaEntity>();

  async insert(_uow: UnitOfWork, proforma: ProformaEntity): Promise<void> {
    const rows = [...this.rows.values()];
    if (this.rows.has(proforma.id) || rows.some((r) => r.draftId === proforma.draftId))
      throw new Error('duplicate proforma for the draft');
    if (rows.some((r) => r.number === proforma.number || r.reference === proforma.reference)) throw new Error('duplicate number');
    this.rows.set(proforma.id, { ...proforma, pdf: Buffer.from(proforma.pdf) });
  }

  async find(_uow: UnitOfWork, accountId: string, proformaId: string): Promise<ProformaEntity | null> {
    const row = this.rows.get(proformaId);
    return row?.accountId === accountId ? { ...row } : null;
  }

  async findByDraft(_uow: UnitOfWork, accountId: string, draftId: string): Promise<ProformaEntity | null> {
    const row = [...this.rows.values()].find((r) => r.accountId === accountId && r.draftId === draftId);
    return row ? { ...row } : null;
  }

  async markPaid(_uow: UnitOfWork, accountId: string, draftId: string, invoiceId: string, at: Date): Promise<void> {
    const row = [...this.rows.values()].find((r) => r.accountId === accountId && r.draftId === draftId && r.status === 'open');
    if (row) Object.assign(row, { status: 'paid', invoiceId, paidAt: at });
  }

  async list(_uow: UnitOfWork, accountId: string): Promise<ProformaEntity[]> {
    return [...this.rows.values()]
      .filter((r) => r.accountId === accountId)
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
  }

  async findPdf(_uow: UnitOfWork, accountId: string, proformaId: string): Promise<StoredPdf | null> {
    const row = this.rows.get(proformaId);
    return row?.accountId === accountId ? { number: row.number, pdf: row.pdf } : null;
  }

  async findPdfById(_uow: UnitOfWork, proformaId: string): Promise<StoredPdf | null> {
    const row = this.rows.get(proformaId);
    return row ? { number: row.number, pdf: row.pdf } : null;
  }
}
