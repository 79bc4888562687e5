import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@obolus/auth';
import { UserRemovedV1 } from '@obolus/contracts';
import { OutboxWriter } from '@obolus/messaging';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { ClientInfo } from '../../../sessions/session-tokens';
import { UsersRepository } from '../../users.repository';
import { lastOwner, ownersOnly, userNotFound } from '../../users.errors';

/** Removes a user (sessions end with the row) and frees the seat: `user.removed` (B5). */
@Injectable()
export class RemoveUserUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(actor: Principal, accountId: string, userId: string, client: ClientInfo): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const members = await this.users.lockAll(manager, accountId);
      const target = members.find((m) => m.id === userId);
      if (!target) throw userNotFound();
      if (target.role === 'owner' && actor.role !== 'owner') throw ownersOnly();
      if (target.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1) throw lastOwner();
      await this.users.delete(manager, accountId, userId);
      const removedAt = new Date().toISOString();
      await this.outbox.append(manager, UserRemovedV1, { accountId, subject: userId, data: { accountId, userId, removedAt } });
      await this.audit.record(manager, {
        event: 'user.removed',
        accountId,
        actorUserId: actor.userId,
        subjectId: userId,
        clientIp: client.ip,
        details: { role: target.role },
      });
    });
  }
}
