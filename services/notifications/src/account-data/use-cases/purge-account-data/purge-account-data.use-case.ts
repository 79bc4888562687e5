import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AccountDataRepository } from '../../account-data.repository';
import { PurgeAccountDataCommand } from './purge-account-data.command';

/** At the purge, notifications forgets the account's people, what was sent to them and its webhooks. */
@Injectable()
export class PurgeAccountDataUseCase {
  constructor(private readonly accountData: AccountDataRepository) {}

  async execute(command: PurgeAccountDataCommand, uow: UnitOfWork): Promise<void> {
    await this.accountData.purge(uow, command.accountId);
  }
}
