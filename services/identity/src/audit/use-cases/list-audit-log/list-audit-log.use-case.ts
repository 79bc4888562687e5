import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AuditLogRepository, AuditRecord } from '../../audit-log.repository';
import { ListAuditLogCommand } from './list-audit-log.command';

/** The security events of the account, newest first, by pages. */
@Injectable()
export class ListAuditLogUseCase {
  constructor(private readonly audit: AuditLogRepository) {}

  execute(command: ListAuditLogCommand, uow: UnitOfWork): Promise<AuditRecord[]> {
    const { accountId, limit, before } = command;
    return this.audit.listForAccount(uow, accountId, { limit, ...(before ? { before } : {}) });
  }
}
