import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AccountExportPart, jsonExportFile, toExportPart } from '@obolus/platform';
import { AccountDataRepository } from '../../account-data.repository';
import { ExportAccountDataCommand } from './export-account-data.command';

/** Subscriptions' part of the export: the account's subscription history, one JSON file per table. */
@Injectable()
export class ExportAccountDataUseCase {
  constructor(private readonly accountData: AccountDataRepository) {}

  async execute(command: ExportAccountDataCommand, uow: UnitOfWork): Promise<AccountExportPart> {
    const history = await this.accountData.history(uow, command.accountId);
    return toExportPart(Object.entries(history).map(([name, rows]) => jsonExportFile(`${name}.json`, rows)));
  }
}
