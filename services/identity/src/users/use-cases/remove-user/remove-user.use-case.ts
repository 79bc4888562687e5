import { Injectable } from '@nestjs/common';
import { UserRemovedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { memberToChange } from '../../owner-rules';
import { UsersRepository } from '../../users.repository';
import { RemoveUserCommand } from './remove-user.command';

/** Removes a user (sessions end with the row) and frees the seat: `user.removed` (B5). */
@Injectable()
export class RemoveUserUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditLogRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RemoveUserCommand, uow: UnitOfWork): Promise<void> {
    const { accountId, userId } = command;
    const target = memberToChange(await this.users.lockAll(uow, accountId), userId, command.actorRole);
    await this.users.delete(uow, accountId, userId);
    const removedAt = this.clock.now().toISOString();
    await uow.emit(UserRemovedV1, { accountId, subject: userId, data: { accountId, userId, removedAt } });
    await this.audit.record(uow, {
      event: 'user.removed',
      accountId,
      actorUserId: command.actorUserId,
      subjectId: userId,
      clientIp: command.clientIp,
      details: { role: target.role },
    });
  }
}
