import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ServiceOnly } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { AccountExportPart } from '@obolus/platform';
import { ExportAccountDataCommand } from './use-cases/export-account-data/export-account-data.command';
import { ExportAccountDataUseCase } from './use-cases/export-account-data/export-account-data.use-case';

/** The account's data for identity's export (A3); no customer token works here. */
@Controller('internal/accounts')
@ServiceOnly('identity')
export class InternalAccountDataController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly exportData: ExportAccountDataUseCase,
  ) {}

  @Get(':accountId/export')
  export(@Param('accountId', ParseUUIDPipe) accountId: string): Promise<AccountExportPart> {
    return this.work.run((uow) => this.exportData.execute(ExportAccountDataCommand.create({ accountId }), uow));
  }
}
