import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AccountExportPart, ExportFile, exportFileName, jsonExportFile, toExportPart } from '@obolus/platform';
import { AccountDataRepository, ExportedDocument } from '../../account-data.repository';
import { ExportAccountDataCommand } from './export-account-data.command';

/** Each issued document as two files: its data as JSON and its PDF, both named after its number. */
function documentFiles(folder: string, documents: readonly ExportedDocument[]): ExportFile[] {
  return documents.flatMap((document) => {
    const name = `${folder}/${exportFileName(document.number)}`;
    return [
      jsonExportFile(`${name}.json`, document.data),
      { path: `${name}.pdf`, contentType: 'application/pdf', bytes: document.pdf },
    ];
  });
}

/**
 * Invoicing's part of the export (A3): every invoice, credit note and proforma as JSON and PDF, the billing details,
 * the VIES checks kept for audit and the customer record.
 */
@Injectable()
export class ExportAccountDataUseCase {
  constructor(private readonly accountData: AccountDataRepository) {}

  async execute(command: ExportAccountDataCommand, uow: UnitOfWork): Promise<AccountExportPart> {
    const { accountId } = command;
    return toExportPart([
      jsonExportFile('customer.json', await this.accountData.customer(uow, accountId)),
      jsonExportFile('billing-details.json', await this.accountData.billingDetails(uow, accountId)),
      jsonExportFile('vat-number-checks.json', await this.accountData.vatNumberChecks(uow, accountId)),
      ...documentFiles('invoices', await this.accountData.invoices(uow, accountId)),
      ...documentFiles('credit-notes', await this.accountData.creditNotes(uow, accountId)),
      ...documentFiles('proformas', await this.accountData.proformas(uow, accountId)),
    ]);
  }
}
