import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { CurrentPrincipal, Principal, Roles, StaffMayRead, StaffOnly, StaffPrincipal, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Response } from 'express';
import { RetrySubmissionDto } from './dto/retry-submission.dto';
import { UploadModeDto } from './dto/upload-mode.dto';
import { GetSubmissionCommand } from './use-cases/get-submission/get-submission.command';
import { ArchiveFile, GetSubmissionUseCase, SubmissionView } from './use-cases/get-submission/get-submission.use-case';
import { GetUploadModeCommand } from './use-cases/get-upload-mode/get-upload-mode.command';
import { GetUploadModeUseCase } from './use-cases/get-upload-mode/get-upload-mode.use-case';
import { RetrySubmissionCommand } from './use-cases/retry-submission/retry-submission.command';
import { RetrySubmissionUseCase } from './use-cases/retry-submission/retry-submission.use-case';
import { SetUploadModeCommand } from './use-cases/set-upload-mode/set-upload-mode.command';
import { SetUploadModeUseCase, UploadModeView } from './use-cases/set-upload-mode/set-upload-mode.use-case';
import { UploadHeldDocumentCommand } from './use-cases/upload-held-document/upload-held-document.command';
import { UploadHeldDocumentUseCase } from './use-cases/upload-held-document/upload-held-document.use-case';

const sendZip = (response: Response, { filename, zip }: ArchiveFile): void => {
  response
    .status(200)
    .setHeader('content-type', 'application/zip')
    .setHeader('content-disposition', `attachment; filename="${filename}"`)
    .send(zip);
};

/** E4: an invoice's submission to ANAF, and ANAF's signed answer, kept unchanged. */
@StaffMayRead()
@Controller('accounts/:accountId/efactura/invoices/:invoiceId')
export class SubmissionsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly submissions: GetSubmissionUseCase,
    private readonly uploadHeld: UploadHeldDocumentUseCase,
  ) {}

  /** Manual mode's one click: sends the held invoice to ANAF (202, the submission now queued). */
  @Post('submission/upload')
  @Roles('owner', 'admin')
  @HttpCode(202)
  upload(@TenantAccountId() accountId: string, @Param('invoiceId', ParseUUIDPipe) invoiceId: string): Promise<SubmissionView> {
    return this.work.run((uow) => this.uploadHeld.execute(UploadHeldDocumentCommand.create({ accountId, invoiceId }), uow));
  }

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
@StaffMayRead()
@Controller('accounts/:accountId/efactura/credit-notes/:creditNoteId')
export class CreditNoteSubmissionsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly submissions: GetSubmissionUseCase,
    private readonly uploadHeld: UploadHeldDocumentUseCase,
  ) {}

  /** Manual mode's one click: sends the held credit note to ANAF (202, the submission now queued). */
  @Post('submission/upload')
  @Roles('owner', 'admin')
  @HttpCode(202)
  upload(
    @TenantAccountId() accountId: string,
    @Param('creditNoteId', ParseUUIDPipe) creditNoteId: string,
  ): Promise<SubmissionView> {
    const command = UploadHeldDocumentCommand.create({ accountId, invoiceId: creditNoteId });
    return this.work.run((uow) => this.uploadHeld.execute(command, uow));
  }

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

/** E1: the account's upload mode; the owner chooses between automatic (the default) and manual. */
@StaffMayRead()
@Controller('accounts/:accountId/efactura/settings')
export class UploadSettingsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly getMode: GetUploadModeUseCase,
    private readonly setMode: SetUploadModeUseCase,
  ) {}

  @Get()
  get(@TenantAccountId() accountId: string): Promise<UploadModeView> {
    return this.work.read((uow) => this.getMode.execute(GetUploadModeCommand.create({ accountId }), uow));
  }

  @Put()
  @Roles('owner')
  put(
    @TenantAccountId() accountId: string,
    @CurrentPrincipal() owner: Principal,
    @Body() body: UploadModeDto,
  ): Promise<UploadModeView> {
    const command = SetUploadModeCommand.create({ accountId, uploadMode: body.uploadMode, changedBy: `user:${owner.userId}` });
    return this.work.run((uow) => this.setMode.execute(command, uow));
  }
}

/**
 * E4, staff: retry a rejected or failed submission of any account after a fix outside the document
 * (the same stored XML, a new attempt; who and why kept with the attempt that ended).
 */
@Controller('staff/accounts/:accountId/efactura')
@StaffOnly()
export class StaffSubmissionsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly retrySubmission: RetrySubmissionUseCase,
    private readonly submissions: GetSubmissionUseCase,
  ) {}

  @Post('invoices/:invoiceId/submission/retry')
  @HttpCode(202)
  retryInvoice(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
    @CurrentPrincipal() staff: StaffPrincipal,
    @Body() body: RetrySubmissionDto,
  ): Promise<SubmissionView> {
    return this.retry(accountId, invoiceId, staff, body);
  }

  @Post('credit-notes/:creditNoteId/submission/retry')
  @HttpCode(202)
  retryCreditNote(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('creditNoteId', ParseUUIDPipe) creditNoteId: string,
    @CurrentPrincipal() staff: StaffPrincipal,
    @Body() body: RetrySubmissionDto,
  ): Promise<SubmissionView> {
    return this.retry(accountId, creditNoteId, staff, body);
  }

  @Get('invoices/:invoiceId/submission')
  get(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
  ): Promise<SubmissionView> {
    return this.work.read((uow) => this.submissions.execute(GetSubmissionCommand.create({ accountId, invoiceId }), uow));
  }

  private retry(accountId: string, invoiceId: string, staff: StaffPrincipal, body: RetrySubmissionDto): Promise<SubmissionView> {
    const command = RetrySubmissionCommand.create({
      accountId,
      invoiceId,
      reason: body.reason,
      retriedBy: `staff:${staff.staffId}`,
      staffUserId: staff.staffId,
      staffEmail: staff.email,
    });
    return this.work.run((uow) => this.retrySubmission.execute(command, uow));
  }
}
