import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { StoredPdf } from '../invoices/invoices.repository';
import { ProformaEntity } from './entities/proforma.entity';

/** Proformas, always by account (but for the internal PDF route). */
@Injectable()
export class ProformasRepository {
  async insert({ manager }: UnitOfWork, proforma: ProformaEntity): Promise<void> {
    await manager.insert(ProformaEntity, proforma);
  }

  find({ manager }: UnitOfWork, accountId: string, proformaId: string): Promise<ProformaEntity | null> {
    return manager.findOne(ProformaEntity, { where: { accountId, id: proformaId } });
  }

  findByDraft({ manager }: UnitOfWork, accountId: string, draftId: string): Promise<ProformaEntity | null> {
    return manager.findOne(ProformaEntity, { where: { accountId, draftId } });
  }

  /** The draft's open proforma is paid by the invoice that follows the money; none or already paid changes nothing. */
  async markPaid({ manager }: UnitOfWork, accountId: string, draftId: string, invoiceId: string, at: Date): Promise<void> {
    await manager.update(ProformaEntity, { accountId, draftId, status: 'open' }, { status: 'paid', invoiceId, paidAt: at });
  }

  list({ manager }: UnitOfWork, accountId: string): Promise<ProformaEntity[]> {
    return manager.find(ProformaEntity, { where: { accountId }, order: { issuedAt: 'DESC' }, take: 200 });
  }

  async findPdf({ manager }: UnitOfWork, accountId: string, proformaId: string): Promise<StoredPdf | null> {
    const rows: StoredPdf[] = await manager.query(
      `SELECT number, pdf FROM invoicing.proformas WHERE account_id = $1 AND id = $2`,
      [accountId, proformaId],
    );
    return rows[0] ?? null;
  }

  /** Any account's proforma, for other Obolus services on the internal route (they know it by its event). */
  async findPdfById({ manager }: UnitOfWork, proformaId: string): Promise<StoredPdf | null> {
    const rows: StoredPdf[] = await manager.query(`SELECT number, pdf FROM invoicing.proformas WHERE id = $1`, [proformaId]);
    return rows[0] ?? null;
  }
}
