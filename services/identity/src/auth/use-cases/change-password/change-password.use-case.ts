import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Principal } from '@obolus/auth';
import { ApiError, DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { ClientInfo } from '../../../sessions/session-tokens';
import { SessionRevocations } from '../../../sessions/session-revocations';
import { UsersRepository } from '../../../users/users.repository';
import { PasswordResetsRepository } from '../../password-resets.repository';
import { SignInThrottle } from '../../sign-in-throttle';

export interface ChangePasswordCommand {
  principal: Principal;
  currentPassword: string;
  newPassword: string;
  client: ClientInfo;
}

/** A signed-in user changes the password: the current one is checked; every other session ends. */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly revocations: SessionRevocations,
    private readonly resets: PasswordResetsRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute({ principal, currentPassword, newPassword, client }: ChangePasswordCommand): Promise<void> {
    const { accountId, userId } = principal;
    await this.throttle.assertAllowed('customer', principal.email, client.ip);
    const user = await this.users.find(this.dataSource.manager, accountId, userId);
    if (!(await this.hasher.verify(user?.passwordHash, currentPassword))) {
      await this.throttle.recordFailure('customer', principal.email, client.ip);
      throw new ApiError(HttpStatus.FORBIDDEN, 'WRONG_PASSWORD', 'the current password is wrong', [
        { field: 'currentPassword', reason: 'is wrong' },
      ]);
    }
    const hash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPasswordHash(manager, accountId, userId, hash);
      await this.revocations.revokeUserSessions(manager, accountId, userId, 'password-changed', principal.sessionId);
      await this.resets.spendAllOf(manager, accountId, userId);
      await this.audit.record(manager, {
        event: 'password.changed',
        accountId,
        actorUserId: userId,
        subjectId: userId,
        clientIp: client.ip,
      });
    });
  }
}
