import { Injectable } from '@nestjs/common';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { DUNNING_RETRY_JOB } from '../../../payments/dunning';
import { AccountDataRepository } from '../../account-data.repository';
import { PurgeAccountDataCommand } from './purge-account-data.command';

/** At the purge, payments forgets the customer and its payment method; the payment records stay (retained). */
@Injectable()
export class PurgeAccountDataUseCase {
  constructor(
    private readonly accountData: AccountDataRepository,
    private readonly scheduler: JobScheduler,
  ) {}

  async execute(command: PurgeAccountDataCommand, uow: UnitOfWork): Promise<void> {
    await this.scheduler.cancelAllOfAccount(uow, command.accountId, [DUNNING_RETRY_JOB]);
    await this.accountData.purge(uow, command.accountId);
  }
}
