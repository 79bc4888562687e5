import { Controller, Get, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ServiceOnly, StaffMayRead, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Response } from 'express';
import { asPdfFile, sendPdf } from '../invoices/pdf/pdf-response';
import { ProformaEntity } from './entities/proforma.entity';
import { GetProformaPdfCommand } from './use-cases/get-proforma-pdf/get-proforma-pdf.command';
import { GetProformaPdfUseCase } from './use-cases/get-proforma-pdf/get-proforma-pdf.use-case';
import { ListProformasCommand } from './use-cases/list-proformas/list-proformas.command';
import { ListProformasUseCase } from './use-cases/list-proformas/list-proformas.use-case';

/** I4: the customer's proformas, with the transfer details, and each one's PDF. */
@StaffMayRead()
@Controller('accounts/:accountId/proformas')
export class ProformasController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly listProformas: ListProformasUseCase,
    private readonly getPdf: GetProformaPdfUseCase,
  ) {}

  @Get()
  list(@TenantAccountId() accountId: string): Promise<ProformaEntity[]> {
    return this.work.read((uow) => this.listProformas.execute(ListProformasCommand.create({ accountId }), uow));
  }

  @Get(':proformaId/pdf')
  async pdf(
    @TenantAccountId() accountId: string,
    @Param('proformaId', ParseUUIDPipe) proformaId: string,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(
      response,
      await this.work.read((uow) => this.getPdf.execute(GetProformaPdfCommand.create({ accountId, proformaId }), uow)),
    );
  }
}

/** Proformas for other Obolus services (the bytes that proforma.issued refers to). */
@Controller('internal/proformas')
@ServiceOnly('notifications')
export class InternalProformasController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly getPdf: GetProformaPdfUseCase,
  ) {}

  @Get(':proformaId/pdf')
  async pdf(@Param('proformaId', ParseUUIDPipe) proformaId: string): Promise<StreamableFile> {
    return asPdfFile(await this.work.read((uow) => this.getPdf.execute(GetProformaPdfCommand.create({ proformaId }), uow)));
  }
}
