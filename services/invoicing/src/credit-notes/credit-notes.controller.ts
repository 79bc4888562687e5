import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { CurrentPrincipal, ServiceOnly, StaffMayRead, StaffOnly, StaffPrincipal, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Response } from 'express';
import { asPdfFile, sendPdf } from '../invoices/pdf/pdf-response';
import { CorrectInvoiceDto } from './dto/correct-invoice.dto';
import { CreditNoteEntity } from './entities/credit-note.entity';
import { CorrectInvoiceCommand } from './use-cases/correct-invoice/correct-invoice.command';
import { CorrectInvoiceUseCase } from './use-cases/correct-invoice/correct-invoice.use-case';
import { GetCreditNotePdfCommand } from './use-cases/get-credit-note-pdf/get-credit-note-pdf.command';
import { GetCreditNotePdfUseCase } from './use-cases/get-credit-note-pdf/get-credit-note-pdf.use-case';
import { ListCreditNotesCommand } from './use-cases/list-credit-notes/list-credit-notes.command';
import { ListCreditNotesUseCase } from './use-cases/list-credit-notes/list-credit-notes.use-case';

/** I2: the customer's credit notes, and each one's PDF. */
@StaffMayRead()
@Controller('accounts/:accountId/credit-notes')
export class CreditNotesController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly listCreditNotes: ListCreditNotesUseCase,
    private readonly getPdf: GetCreditNotePdfUseCase,
  ) {}

  @Get()
  list(@TenantAccountId() accountId: string): Promise<CreditNoteEntity[]> {
    return this.work.read((uow) => this.listCreditNotes.execute(ListCreditNotesCommand.create({ accountId }), uow));
  }

  @Get(':creditNoteId/pdf')
  async pdf(
    @TenantAccountId() accountId: string,
    @Param('creditNoteId', ParseUUIDPipe) creditNoteId: string,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(
      response,
      await this.work.read((uow) => this.getPdf.execute(GetCreditNotePdfCommand.create({ accountId, creditNoteId }), uow)),
    );
  }
}

/** Support corrects an issued invoice of any account with a credit note (S1); the Idempotency-Key makes a retry safe. */
@Controller('staff/accounts/:accountId')
@StaffOnly()
export class StaffCreditNotesController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly correctInvoice: CorrectInvoiceUseCase,
    private readonly listCreditNotes: ListCreditNotesUseCase,
  ) {}

  @Post('invoices/:invoiceId/credit-notes')
  @HttpCode(HttpStatus.CREATED)
  correct(
    @Param('accountId') accountId: string,
    @Param('invoiceId') invoiceId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() staff: StaffPrincipal,
    @Body() body: CorrectInvoiceDto,
  ): Promise<Omit<CreditNoteEntity, 'pdf'>> {
    return this.work.run((uow) =>
      this.correctInvoice.execute(
        CorrectInvoiceCommand.create({
          ...body,
          accountId,
          invoiceId,
          idempotencyKey: idempotencyKey ?? '',
          requestedBy: `staff:${staff.staffId}`,
          staffUserId: staff.staffId,
          staffEmail: staff.email,
        }),
        uow,
      ),
    );
  }

  @Get('credit-notes')
  list(@Param('accountId') accountId: string): Promise<CreditNoteEntity[]> {
    return this.work.read((uow) => this.listCreditNotes.execute(ListCreditNotesCommand.create({ accountId }), uow));
  }
}

/** Credit notes for other Obolus services (the bytes that credit-note.issued refers to). */
@Controller('internal/credit-notes')
@ServiceOnly('notifications')
export class InternalCreditNotesController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly getPdf: GetCreditNotePdfUseCase,
  ) {}

  @Get(':creditNoteId/pdf')
  async pdf(@Param('creditNoteId', ParseUUIDPipe) creditNoteId: string): Promise<StreamableFile> {
    return asPdfFile(await this.work.read((uow) => this.getPdf.execute(GetCreditNotePdfCommand.create({ creditNoteId }), uow)));
  }
}
