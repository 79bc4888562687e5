import { Injectable } from '@nestjs/common';
import { AccountPurgedV1 } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { AccountsRepository } from '../../accounts.repository';
import { PurgeClosedAccountCommand } from './purge-closed-account.command';

/**
 * Purges one closed account, run by its durable job at the end of the retention (due in the account's
 * time, so a test clock makes the retention pass). Identity's personal data goes, a tombstone stays,
 * and `account.purged` tells the other services to delete theirs, keeping the retained invoices.
 * The account's purge row is locked and must still be pending: purging again does nothing.
 */
@Injectable()
export class PurgeClosedAccountUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly audit: AuditLogRepository,
    private readonly accountClocks: AccountClocks,
  ) {}

  /** True when this run purged the account; false when it was purged already or never closed. */
  async execute(command: PurgeClosedAccountCommand, uow: UnitOfWork): Promise<boolean> {
    const { accountId } = command;
    if (!(await this.accounts.claimPurge(uow, accountId))) return false;
    const account = await this.accounts.find(uow, accountId);
    const now = await this.accountClocks.now(uow, accountId);
    await this.accounts.purge(uow, accountId, now);
    await this.audit.record(uow, { event: 'account.purged', accountId });
    await uow.emit(AccountPurgedV1, {
      accountId,
      subject: accountId,
      data: {
        accountId,
        closureRequestedAt: (account?.closureRequestedAt ?? now).toISOString(),
        purgedAt: now.toISOString(),
      },
    });
    return true;
  }
}
