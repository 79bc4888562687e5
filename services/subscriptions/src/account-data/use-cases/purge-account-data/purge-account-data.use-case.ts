import { Injectable } from '@nestjs/common';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { AccountDataRepository } from '../../account-data.repository';
import { ACCOUNT_SCHEDULE_JOBS } from '../stop-account-billing/stop-account-billing.use-case';
import { PurgeAccountDataCommand } from './purge-account-data.command';

/** At the purge, subscriptions forgets the account: its subscription, seats, charges and usage. */
@Injectable()
export class PurgeAccountDataUseCase {
  constructor(
    private readonly accountData: AccountDataRepository,
    private readonly scheduler: JobScheduler,
  ) {}

  async execute(command: PurgeAccountDataCommand, uow: UnitOfWork): Promise<void> {
    await this.scheduler.cancelAllOfAccount(uow, command.accountId, ACCOUNT_SCHEDULE_JOBS);
    await this.accountData.deleteAll(uow, command.accountId);
  }
}
