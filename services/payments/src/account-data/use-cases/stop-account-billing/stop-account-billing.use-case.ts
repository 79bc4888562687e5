import { Injectable } from '@nestjs/common';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { DUNNING_RETRY_JOB } from '../../../payments/dunning';
import { StopAccountBillingCommand } from './stop-account-billing.command';

/**
 * On closure, a failed charge is not tried again: the account's dunning retries are removed at once, in the
 * consumer's transaction. Hearing the closure twice removes nothing more.
 */
@Injectable()
export class StopAccountBillingUseCase {
  constructor(private readonly scheduler: JobScheduler) {}

  async execute(command: StopAccountBillingCommand, uow: UnitOfWork): Promise<void> {
    await this.scheduler.cancelAllOfAccount(uow, command.accountId, [DUNNING_RETRY_JOB]);
  }
}
