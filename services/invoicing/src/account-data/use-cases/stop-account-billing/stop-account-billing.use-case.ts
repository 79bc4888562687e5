import { Injectable } from '@nestjs/common';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { PROFORMA_REMINDER_JOB } from '../../../proformas/proforma-reminders';
import { VAT_RECHECK_JOB } from '../../../vat-numbers/vat-recheck-schedule';
import { StopAccountBillingCommand } from './stop-account-billing.command';

/**
 * On closure, invoicing stops working for the account: its VAT number is no longer re-checked against
 * VIES, and its unpaid proformas are no longer reminded. Issued invoices are untouched (and a Romanian one still goes to ANAF, from efactura-gateway).
 */
@Injectable()
export class StopAccountBillingUseCase {
  constructor(private readonly scheduler: JobScheduler) {}

  async execute(command: StopAccountBillingCommand, uow: UnitOfWork): Promise<void> {
    await this.scheduler.cancelAllOfAccount(uow, command.accountId, [VAT_RECHECK_JOB, PROFORMA_REMINDER_JOB]);
  }
}
