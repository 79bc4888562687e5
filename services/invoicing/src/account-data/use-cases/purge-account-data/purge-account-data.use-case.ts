import { Injectable } from '@nestjs/common';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { PROFORMA_REMINDER_JOB } from '../../../proformas/proforma-reminders';
import { VAT_RECHECK_JOB } from '../../../vat-numbers/vat-recheck-schedule';
import { AccountDataRepository } from '../../account-data.repository';
import { PurgeAccountDataCommand } from './purge-account-data.command';

/** Why the invoices of a purged account are kept, as recorded beside them. */
export const INVOICE_RETENTION_BASIS =
  'FR: Code de commerce art. L123-22 (10 years); RO: Legea contabilității 82/1991 art. 25 (10 years)';

/**
 * At the purge, invoicing deletes the account's personal data (billing details, customer record, VIES
 * checks, drafts) and keeps the issued invoices and credit notes, marked retained.
 */
@Injectable()
export class PurgeAccountDataUseCase {
  constructor(
    private readonly accountData: AccountDataRepository,
    private readonly scheduler: JobScheduler,
  ) {}

  async execute(command: PurgeAccountDataCommand, uow: UnitOfWork): Promise<void> {
    await this.scheduler.cancelAllOfAccount(uow, command.accountId, [VAT_RECHECK_JOB, PROFORMA_REMINDER_JOB]);
    await this.accountData.purge(uow, command.accountId, new Date(command.purgedAt), INVOICE_RETENTION_BASIS);
  }
}
