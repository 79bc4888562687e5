import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { IdentityError } from '../../../identity.errors';
import { SessionRevocations } from '../../../sessions/session-revocations';
import { UsersRepository } from '../../../users/users.repository';
import { PasswordResetsRepository } from '../../password-resets.repository';
import { SignInThrottle } from '../../sign-in-throttle';
import { ChangePasswordCommand } from './change-password.command';

/** A signed-in user changes the password: the current one is checked; every other session ends. */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly revocations: SessionRevocations,
    private readonly resets: PasswordResetsRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: ChangePasswordCommand, uow: UnitOfWork): Promise<void> {
    const { accountId, userId, email, client } = command;
    await this.throttle.assertAllowed(uow, 'customer', email, client.ip);
    const user = await this.users.find(uow, accountId, userId);
    if (!(await this.hasher.verify(user?.passwordHash, command.currentPassword))) {
      await this.throttle.recordFailure(uow, 'customer', email, client.ip);
      throw IdentityError.wrongPassword('the current password is wrong', 'currentPassword').committingWork();
    }
    await this.users.setPasswordHash(uow, accountId, userId, await this.hasher.hash(command.newPassword));
    await this.revocations.revokeUserSessions(uow, accountId, userId, 'password-changed', command.sessionId);
    await this.resets.spendAllOf(uow, accountId, userId);
    await this.audit.record(uow, {
      event: 'password.changed',
      accountId,
      actorUserId: userId,
      subjectId: userId,
      clientIp: client.ip,
    });
  }
}
