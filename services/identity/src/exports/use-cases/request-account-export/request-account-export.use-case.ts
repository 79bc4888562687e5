import { Injectable } from '@nestjs/common';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { AccountsRepository } from '../../../accounts/accounts.repository';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { IdentityError } from '../../../identity.errors';
import { ASSEMBLE_EXPORT_JOB, AssembleExportJobPayload } from '../../account-export-job';
import { AccountExportsRepository } from '../../account-exports.repository';
import { AccountExportView, viewOf } from '../get-account-export/account-export.view';
import { RequestAccountExportCommand } from './request-account-export.command';

/**
 * Records the owner's export request and plans the job that assembles it at once (in the account's time,
 * so a test-clock account's job is due on its clock). The owner is e-mailed the link when it is ready.
 */
@Injectable()
export class RequestAccountExportUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly exports: AccountExportsRepository,
    private readonly scheduler: JobScheduler,
    private readonly accountClocks: AccountClocks,
    private readonly audit: AuditLogRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RequestAccountExportCommand, uow: UnitOfWork): Promise<AccountExportView> {
    const account = await this.accounts.find(uow, command.accountId);
    if (!account) throw IdentityError.notFound();
    if (account.status !== 'active') throw IdentityError.accountClosed();
    const exportId = randomUUID();
    const requestedAt = this.clock.now();
    await this.exports.insert(uow, {
      id: exportId,
      accountId: account.id,
      requestedByUserId: command.ownerUserId,
      ownerEmail: command.ownerEmail,
      requestedAt,
    });
    await this.scheduler.schedule<AssembleExportJobPayload>(uow, {
      kind: ASSEMBLE_EXPORT_JOB,
      key: exportId,
      accountId: account.id,
      dueAt: await this.accountClocks.now(uow, account.id),
      payload: { exportId },
    });
    await this.audit.record(uow, {
      event: 'account.export-requested',
      accountId: account.id,
      actorUserId: command.ownerUserId,
      subjectId: exportId,
      clientIp: command.clientIp,
    });
    const requested = await this.exports.find(uow, account.id, exportId);
    return viewOf(requested!);
  }
}
