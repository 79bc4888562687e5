import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { AccountMember, toAccountMember } from '../../mappers/account-member';
import { memberToChange } from '../../owner-rules';
import { UsersRepository } from '../../users.repository';
import { ChangeRoleCommand } from './change-role.command';

/**
 * Owners and admins change roles (A2). Only an owner touches owners; the account always keeps one.
 * The users of the account are locked meanwhile, so two concurrent demotions cannot both pass.
 */
@Injectable()
export class ChangeRoleUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: ChangeRoleCommand, uow: UnitOfWork): Promise<AccountMember> {
    const { accountId, userId, role } = command;
    const target = memberToChange(await this.users.lockAll(uow, accountId), userId, command.actorRole, role);
    if (target.role !== role) {
      await this.users.setRole(uow, accountId, userId, role);
      await this.audit.record(uow, {
        event: 'role.changed',
        accountId,
        actorUserId: command.actorUserId,
        subjectId: userId,
        clientIp: command.clientIp,
        details: { from: target.role, to: role },
      });
    }
    return toAccountMember({ ...target, role });
  }
}
