import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { ExportFile, jsonExportFile } from '@obolus/platform';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AuditLogRepository, AuditRecord } from '../audit/audit-log.repository';
import { UsersRepository } from '../users/users.repository';

const AUDIT_PAGE = 500;

/** Identity's own part of the export: the account, its users (never a password hash) and its audit log. */
@Injectable()
export class IdentityExportPart {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async filesOf(uow: UnitOfWork, accountId: string): Promise<ExportFile[]> {
    const account = await this.accounts.find(uow, accountId);
    if (!account) return [];
    const users = await this.users.list(uow, accountId);
    return [
      jsonExportFile('identity/account.json', {
        id: account.id,
        companyName: account.companyName,
        country: account.country,
        catalog: account.catalog,
        signupChannel: account.signupChannel,
        locale: account.locale,
        status: account.status,
        createdAt: account.createdAt.toISOString(),
        closureRequestedAt: account.closureRequestedAt?.toISOString() ?? null,
      }),
      jsonExportFile(
        'identity/users.json',
        users.map((user) => ({
          id: user.id,
          email: user.email,
          role: user.role,
          displayName: user.displayName ?? null,
          createdAt: user.createdAt.toISOString(),
          passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
        })),
      ),
      jsonExportFile('identity/audit-log.json', await this.wholeTrail(uow, accountId)),
    ];
  }

  private async wholeTrail(uow: UnitOfWork, accountId: string): Promise<AuditRecord[]> {
    const trail: AuditRecord[] = [];
    for (;;) {
      const page = await this.audit.listForAccount(uow, accountId, { limit: AUDIT_PAGE, before: trail.at(-1)?.id });
      trail.push(...page);
      if (page.length < AUDIT_PAGE) return trail;
    }
  }
}
