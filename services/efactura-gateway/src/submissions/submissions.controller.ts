import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Response } from 'express';
import { GetSubmissionCommand } from './use-cases/get-submission/get-submission.command';
import { ArchiveFile, GetSubmissionUseCase, SubmissionView } from './use-cases/get-submission/get-submission.use-case';

const sendZip = (response: Response, { filename, zip }: ArchiveFile): void => {
  response
    .status(200)
    .setHeader('content-type', 'application/zip')
    .setHeader('content-disposition', `attachment; filename="${filename}"`)
    .send(zip);
};

/** E4: an invoice's submission to ANAF, and ANAF's signed answer, kept unchanged. */
@Controller('accounts/:accountId/efactura/invoices/:invoiceId')
export class SubmissionsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly submissions: GetSubmissionUseCase,
  ) {}

  @Get('submission')
  get(@TenantAccountId() accountId: string, @Param('invoiceId', ParseUUIDPipe) invoiceId: string): Promise<SubmissionView> {
    return this.work.run((uow) => this.submissions.execute(GetSubmissionCommand.create({ accountId, invoiceId }), uow));
  }

  @Get('anaf-archive')
  async archive(
    @TenantAccountId() accountId: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
    @Res() response: Response,
  ): Promise<void> {
    sendZip(
      response,
      await this.work.run((uow) => this.submissions.archive(GetSubmissionCommand.create({ accountId, invoiceId }), uow)),
    );
  }
}

/** E4: a credit note's submission to ANAF (standard=CN), and ANAF's signed answer, kept unchanged. */
@Controller('accounts/:accountId/efactura/credit-notes/:creditNoteId')
export class CreditNoteSubmissionsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly submissions: GetSubmissionUseCase,
  ) {}

  @Get('submission')
  get(@TenantAccountId() accountId: string, @Param('creditNoteId', ParseUUIDPipe) creditNoteId: string): Promise<SubmissionView> {
    const command = GetSubmissionCommand.create({ accountId, invoiceId: creditNoteId });
    return this.work.run((uow) => this.submissions.execute(command, uow));
  }

  @Get('anaf-archive')
  async archive(
    @TenantAccountId() accountId: string,
    @Param('creditNoteId', ParseUUIDPipe) creditNoteId: string,
    @Res() response: Response,
  ): Promise<void> {
    const command = GetSubmissionCommand.create({ accountId, invoiceId: creditNoteId });
    sendZip(response, await this.work.run((uow) => this.submissions.archive(command, uow)));
  }
}
