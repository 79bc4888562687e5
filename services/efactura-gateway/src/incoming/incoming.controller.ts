import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Response } from 'express';
import { ListIncomingInvoicesCommand } from './use-cases/list-incoming-invoices/list-incoming-invoices.command';
import {
  IncomingFile,
  IncomingInvoiceView,
  ListIncomingInvoicesUseCase,
} from './use-cases/list-incoming-invoices/list-incoming-invoices.use-case';

const sendFile = (response: Response, { filename, contentType, bytes }: IncomingFile): void => {
  response
    .status(200)
    .setHeader('content-type', contentType)
    .setHeader('content-disposition', `attachment; filename="${filename}"`)
    .send(bytes);
};

/** E3: supplier invoices received through ANAF, scoped to the account. */
@Controller('accounts/:accountId/efactura/incoming')
export class IncomingController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly incoming: ListIncomingInvoicesUseCase,
  ) {}

  @Get()
  list(@TenantAccountId() accountId: string): Promise<IncomingInvoiceView[]> {
    return this.work.run((uow) => this.incoming.execute(ListIncomingInvoicesCommand.create({ accountId }), uow));
  }

  @Get(':id/archive')
  async archive(
    @TenantAccountId() accountId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    sendFile(
      response,
      await this.work.run((uow) => this.incoming.archive(ListIncomingInvoicesCommand.create({ accountId, id }), uow)),
    );
  }

  @Get(':id/xml')
  async xml(
    @TenantAccountId() accountId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    sendFile(
      response,
      await this.work.run((uow) => this.incoming.xml(ListIncomingInvoicesCommand.create({ accountId, id }), uow)),
    );
  }
}
