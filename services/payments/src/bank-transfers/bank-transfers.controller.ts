import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CurrentPrincipal, StaffOnly, StaffPrincipal } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { RawBodyRequest } from '@obolus/platform';
import { Response } from 'express';
import { StaffTransferDto } from './dto/staff-transfer.dto';
import { ImportBankStatementCommand } from './use-cases/import-bank-statement/import-bank-statement.command';
import { ImportBankStatementUseCase, StatementImport } from './use-cases/import-bank-statement/import-bank-statement.use-case';
import {
  ListUnmatchedEntriesUseCase,
  UnmatchedEntryView,
} from './use-cases/list-unmatched-entries/list-unmatched-entries.use-case';
import { RecordStaffTransferCommand } from './use-cases/record-staff-transfer/record-staff-transfer.command';
import { RecordStaffTransferUseCase, StaffTransferView } from './use-cases/record-staff-transfer/record-staff-transfer.use-case';

/**
 * Staff reconcile bank transfers (P2, P3): upload a camt.053 statement (its body is the XML, read by the
 * `STATEMENT_UPLOAD` raw-body route), list what matched nothing, and record a transfer by hand. A
 * statement answers 201 when it was new and 200, with the earlier result, when it had been uploaded before.
 */
@Controller('staff')
@StaffOnly()
export class StaffBankTransfersController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly importStatement: ImportBankStatementUseCase,
    private readonly listUnmatched: ListUnmatchedEntriesUseCase,
    private readonly recordTransfer: RecordStaffTransferUseCase,
  ) {}

  /** The body is the XML; `?reason=` says why it is uploaded, for the audit log of the accounts it pays. */
  @Post('bank-statements')
  async upload(
    @Req() request: RawBodyRequest,
    @CurrentPrincipal() staff: StaffPrincipal,
    @Query('reason') reason: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StatementImport> {
    const command = ImportBankStatementCommand.create({
      xml: request.rawBody,
      uploadedBy: `staff:${staff.staffId}`,
      staffUserId: staff.staffId,
      staffEmail: staff.email,
      reason: reason ?? '',
    });
    const result = await this.work.run((uow) => this.importStatement.execute(command, uow));
    response.status(result.alreadyRecorded ? HttpStatus.OK : HttpStatus.CREATED);
    return result;
  }

  @Get('bank-statements/unmatched')
  unmatched(): Promise<UnmatchedEntryView[]> {
    return this.work.read((uow) => this.listUnmatched.execute(uow));
  }

  @Post('accounts/:accountId/payments/:paymentId/transfers')
  @HttpCode(HttpStatus.CREATED)
  transfer(
    @Param('accountId') accountId: string,
    @Param('paymentId') paymentId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() staff: StaffPrincipal,
    @Body() body: StaffTransferDto,
  ): Promise<StaffTransferView> {
    return this.work.run((uow) =>
      this.recordTransfer.execute(
        RecordStaffTransferCommand.create({
          ...body,
          accountId,
          paymentId,
          idempotencyKey: idempotencyKey ?? '',
          recordedBy: `staff:${staff.staffId}`,
          staffUserId: staff.staffId,
          staffEmail: staff.email,
        }),
        uow,
      ),
    );
  }
}
