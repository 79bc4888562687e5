import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@obolus/auth';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { Role } from '../../../accounts/entities/user.entity';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { ClientInfo } from '../../../sessions/session-tokens';
import { UsersRepository } from '../../users.repository';
import { lastOwner, ownersOnly, userNotFound } from '../../users.errors';
import { AccountMember } from '../../users.repository';

export interface ChangeRoleCommand {
  actor: Principal;
  accountId: string;
  userId: string;
  role: Role;
  client: ClientInfo;
}

/**
 * Owners and admins change roles (A2). Only an owner touches owners; the account always keeps one.
 * The users of the account are locked meanwhile, so two concurrent demotions cannot both pass.
 */
@Injectable()
export class ChangeRoleUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute({ actor, accountId, userId, role, client }: ChangeRoleCommand): Promise<AccountMember> {
    return this.dataSource.transaction(async (manager) => {
      const members = await this.users.lockAll(manager, accountId);
      const target = members.find((m) => m.id === userId);
      if (!target) throw userNotFound();
      if ((target.role === 'owner' || role === 'owner') && actor.role !== 'owner') throw ownersOnly();
      if (target.role === 'owner' && role !== 'owner' && members.filter((m) => m.role === 'owner').length === 1)
        throw lastOwner();
      if (target.role !== role) {
        await this.users.setRole(manager, accountId, userId, role);
        await this.audit.record(manager, {
          event: 'role.changed',
          accountId,
          actorUserId: actor.userId,
          subjectId: userId,
          clientIp: client.ip,
          details: { from: target.role, to: role },
        });
      }
      return { userId, email: target.email, name: target.displayName ?? null, role, joinedAt: target.createdAt.toISOString() };
    });
  }
}
