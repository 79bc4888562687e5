import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { AuditLogRepository, AuditRecord } from '../../audit-log.repository';

@Injectable()
export class ListAuditLogUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
  ) {}

  execute(accountId: string, page: { limit: number; before?: string }): Promise<AuditRecord[]> {
    return this.audit.listForAccount(this.dataSource.manager, accountId, page);
  }
}
