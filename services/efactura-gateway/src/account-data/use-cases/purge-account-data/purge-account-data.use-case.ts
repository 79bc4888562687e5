import { Injectable } from '@nestjs/common';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { INCOMING_POLL_JOB } from '../../../incoming/incoming-schedule';
import { AccountDataRepository } from '../../account-data.repository';
import { PurgeAccountDataCommand } from './purge-account-data.command';

/** At the purge, efactura-gateway forgets the ANAF connection and supplier invoices; the account's own documents stay. */
@Injectable()
export class PurgeAccountDataUseCase {
  constructor(
    private readonly accountData: AccountDataRepository,
    private readonly scheduler: JobScheduler,
  ) {}

  async execute(command: PurgeAccountDataCommand, uow: UnitOfWork): Promise<void> {
    await this.scheduler.cancelAllOfAccount(uow, command.accountId, [INCOMING_POLL_JOB]);
    await this.accountData.purge(uow, command.accountId);
  }
}
