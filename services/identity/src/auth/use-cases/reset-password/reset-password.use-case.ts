import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { hashOpaqueToken } from '../../../credentials/opaque-token';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { ClientInfo } from '../../../sessions/session-tokens';
import { SessionRevocations } from '../../../sessions/session-revocations';
import { UsersRepository } from '../../../users/users.repository';
import { invalidToken } from '../../identity.errors';
import { PasswordResetsRepository } from '../../password-resets.repository';

/** Sets a new password with a reset token; the token is spent, and every session of the user ends. */
@Injectable()
export class ResetPasswordUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly resets: PasswordResetsRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly revocations: SessionRevocations,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(token: string, newPassword: string, client: ClientInfo): Promise<void> {
    const passwordHash = await this.hasher.hash(newPassword);
    const done = await this.dataSource.transaction(async (manager) => {
      const reset = await this.resets.claim(manager, hashOpaqueToken(token));
      if (!reset) return false;
      await this.users.setPasswordHash(manager, reset.accountId, reset.userId, passwordHash);
      await this.revocations.revokeUserSessions(manager, reset.accountId, reset.userId, 'password-reset');
      await this.audit.record(manager, {
        event: 'password.reset',
        accountId: reset.accountId,
        subjectId: reset.userId,
        clientIp: client.ip,
      });
      return true;
    });
    if (!done) throw invalidToken('reset');
  }
}
