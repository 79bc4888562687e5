import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { Client } from '../auth/client-info.decorator';
import { IdentityError } from '../identity.errors';
import { ClientInfo } from '../sessions/session-tokens';
import { DownloadAccountExportCommand } from './use-cases/download-account-export/download-account-export.command';
import {
  DownloadAccountExportUseCase,
  ExportDownload,
} from './use-cases/download-account-export/download-account-export.use-case';
import { AccountExportView } from './use-cases/get-account-export/account-export.view';
import { GetAccountExportCommand } from './use-cases/get-account-export/get-account-export.command';
import { GetAccountExportUseCase } from './use-cases/get-account-export/get-account-export.use-case';
import { RequestAccountExportCommand } from './use-cases/request-account-export/request-account-export.command';
import { RequestAccountExportUseCase } from './use-cases/request-account-export/request-account-export.use-case';

const ExportIdParam = (): ParameterDecorator =>
  Param('exportId', new ParseUUIDPipe({ exceptionFactory: () => IdentityError.notFound('no such export') }));

const asZipFile = ({ filename, bytes }: ExportDownload): StreamableFile =>
  new StreamableFile(bytes, { type: 'application/zip', disposition: `attachment; filename="${filename}"`, length: bytes.length });

@ApiTags('accounts')
@Controller()
export class AccountExportsController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly requestExport: RequestAccountExportUseCase,
    private readonly getExport: GetAccountExportUseCase,
    private readonly downloadExport: DownloadAccountExportUseCase,
  ) {}

  @Roles('owner')
  @Post('accounts/:accountId/exports')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Export all of the account data (A3), owner only: one ZIP with a manifest, its link e-mailed when ready',
  })
  @ApiAcceptedResponse({ type: AccountExportView })
  request(
    @TenantAccountId() accountId: string,
    @CurrentPrincipal() owner: Principal,
    @Client() client: ClientInfo,
  ): Promise<AccountExportView> {
    return this.work.run((uow) =>
      this.requestExport.execute(
        RequestAccountExportCommand.create({
          accountId,
          ownerUserId: owner.userId,
          ownerEmail: owner.email,
          clientIp: client.ip,
        }),
        uow,
      ),
    );
  }

  @Roles('owner')
  @Get('accounts/:accountId/exports/:exportId')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'An export: pending, or ready with its download link until the link expires' })
  @ApiOkResponse({ type: AccountExportView })
  get(@TenantAccountId() accountId: string, @ExportIdParam() exportId: string): Promise<AccountExportView> {
    return this.work.run((uow) => this.getExport.execute(GetAccountExportCommand.create({ accountId, exportId }), uow));
  }

  @Public()
  @Get('account-exports/:exportId/download')
  @ApiProduces('application/zip')
  @ApiOperation({ summary: 'The export ZIP behind an e-mailed link; the signed token is the authority (works after closure)' })
  async download(@ExportIdParam() exportId: string, @Query('token') token: string): Promise<StreamableFile> {
    return asZipFile(
      await this.work.run((uow) => this.downloadExport.execute(DownloadAccountExportCommand.create({ exportId, token }), uow)),
    );
  }
}
