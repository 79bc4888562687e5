import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { EfacturaError } from '../../../efactura.errors';
import { IncomingRepository, ListedIncomingInvoice } from '../../incoming.repository';
import { ListIncomingInvoicesCommand } from './list-incoming-invoices.command';
import { readSupplierArchive } from '../../supplier-archive';

/** A supplier invoice as the owner sees it listed (amounts in minor units, as strings for JSON). */
export type IncomingInvoiceView = Omit<ListedIncomingInvoice, 'payableMinor' | 'receivedAt'> & {
  payableMinor: string | null;
  receivedAt: string;
};

export interface IncomingFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** E3: the account's supplier invoices, each downloadable as ANAF's ZIP or as its XML. */
@Injectable()
export class ListIncomingInvoicesUseCase {
  constructor(private readonly incoming: IncomingRepository) {}

  async execute(command: ListIncomingInvoicesCommand, uow: UnitOfWork): Promise<IncomingInvoiceView[]> {
    const listed = await this.incoming.listByAccount(uow, command.accountId);
    return listed.map((i) => ({
      ...i,
      payableMinor: i.payableMinor === null ? null : i.payableMinor.toString(),
      receivedAt: i.receivedAt.toISOString(),
    }));
  }

  async archive(command: ListIncomingInvoicesCommand, uow: UnitOfWork): Promise<IncomingFile> {
    const found = command.id ? await this.incoming.archiveOf(uow, command.accountId, command.id) : undefined;
    if (!found) throw EfacturaError.archiveNotFound();
    return { filename: `anaf-${found.anafId}.zip`, contentType: 'application/zip', bytes: found.zip };
  }

  /** The invoice's XML from inside the archive; 404 for an archive that was refused (it is never opened). */
  async xml(command: ListIncomingInvoicesCommand, uow: UnitOfWork): Promise<IncomingFile> {
    const found = command.id ? await this.incoming.archiveOf(uow, command.accountId, command.id) : undefined;
    if (!found) throw EfacturaError.archiveNotFound();
    let document;
    try {
      document = readSupplierArchive(found.zip).document;
    } catch {
      throw EfacturaError.archiveNotFound();
    }
    return { filename: `anaf-${found.anafId}.xml`, contentType: 'application/xml; charset=utf-8', bytes: document.bytes };
  }
}
