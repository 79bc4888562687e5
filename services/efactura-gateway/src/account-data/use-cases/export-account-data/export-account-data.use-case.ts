import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AccountExportPart, exportFileName, jsonExportFile, toExportPart } from '@obolus/platform';
import { AccountDataRepository } from '../../account-data.repository';
import { ExportAccountDataCommand } from './export-account-data.command';

/**
 * efactura-gateway's part of the export (A3): each UBL XML as sent, the submissions with ANAF's receipts
 * (the `descarcare` ZIP: the invoice and ANAF's signature), the earlier attempts of retried submissions
 * with theirs, the upload mode, the authorised CUIs, and the supplier invoices downloaded from ANAF as they came.
 */
@Injectable()
export class ExportAccountDataUseCase {
  constructor(private readonly accountData: AccountDataRepository) {}

  async execute(command: ExportAccountDataCommand, uow: UnitOfWork): Promise<AccountExportPart> {
    const { accountId } = command;
    const documents = await this.accountData.documents(uow, accountId);
    const numberOf = new Map(documents.map((document) => [String(document.id), String(document.invoice_number)]));
    return toExportPart([
      jsonExportFile(
        'documents.json',
        documents.map(({ xml: _xml, ...document }) => document),
      ),
      ...documents.map((document) => ({
        path: `xml/${exportFileName(String(document.invoice_number))}.xml`,
        contentType: 'application/xml',
        bytes: Buffer.from(String(document.xml), 'utf8'),
      })),
      jsonExportFile('submissions.json', await this.accountData.submissions(uow, accountId)),
      ...(await this.accountData.submissionArchives(uow, accountId)).map(({ documentId, archive }) => ({
        path: `anaf-receipts/${exportFileName(numberOf.get(documentId) ?? documentId)}.zip`,
        contentType: 'application/zip',
        bytes: archive,
      })),
      jsonExportFile('submission-attempts.json', await this.accountData.submissionAttempts(uow, accountId)),
      ...(await this.accountData.submissionAttemptArchives(uow, accountId)).map(({ documentId, attempt, archive }) => ({
        path: `anaf-receipts/${exportFileName(numberOf.get(documentId) ?? documentId)}-attempt-${attempt}.zip`,
        contentType: 'application/zip',
        bytes: archive,
      })),
      jsonExportFile('upload-settings.json', await this.accountData.uploadSettings(uow, accountId)),
      jsonExportFile('authorizations.json', await this.accountData.authorizations(uow, accountId)),
      jsonExportFile('supplier-invoices.json', await this.accountData.incoming(uow, accountId)),
      ...(await this.accountData.incomingArchives(uow, accountId)).map(({ anafId, archive }) => ({
        path: `supplier-invoices/${exportFileName(anafId)}.zip`,
        contentType: 'application/zip',
        bytes: archive,
      })),
    ]);
  }
}
