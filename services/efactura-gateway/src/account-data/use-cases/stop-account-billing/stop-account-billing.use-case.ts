import { Injectable } from '@nestjs/common';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { INCOMING_POLL_JOB } from '../../../incoming/incoming-schedule';
import { StopAccountBillingCommand } from './stop-account-billing.command';

/**
 * On closure, the account's supplier invoices are no longer listed from ANAF. Its own issued invoices still
 * go to ANAF (uploads and status polls are kept): the law requires every Romanian invoice reported.
 */
@Injectable()
export class StopAccountBillingUseCase {
  constructor(private readonly scheduler: JobScheduler) {}

  async execute(command: StopAccountBillingCommand, uow: UnitOfWork): Promise<void> {
    await this.scheduler.cancelAllOfAccount(uow, command.accountId, [INCOMING_POLL_JOB]);
  }
}
