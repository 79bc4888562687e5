import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { AuditLogQuery, AuditEntryView } from './dto/audit-log.dto';
import { ListAuditLogCommand } from './use-cases/list-audit-log/list-audit-log.command';
import { ListAuditLogUseCase } from './use-cases/list-audit-log/list-audit-log.use-case';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('accounts/:accountId/audit-log')
export class AuditLogController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly listAuditLog: ListAuditLogUseCase,
  ) {}

  @Roles('owner', 'admin')
  @Get()
  @ApiOperation({
    summary: 'Security events of the account, newest first: sign-ins, failures, password and role changes, closure',
  })
  @ApiOkResponse({ type: AuditEntryView, isArray: true })
  list(@TenantAccountId() accountId: string, @Query() query: AuditLogQuery): Promise<AuditEntryView[]> {
    return this.work.run((uow) => this.listAuditLog.execute(ListAuditLogCommand.create({ accountId, ...query }), uow));
  }
}
