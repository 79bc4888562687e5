import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { hashOpaqueToken } from '../../../credentials/opaque-token';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { IdentityError } from '../../../identity.errors';
import { SessionRevocations } from '../../../sessions/session-revocations';
import { UsersRepository } from '../../../users/users.repository';
import { PasswordResetsRepository } from '../../password-resets.repository';
import { ResetPasswordCommand } from './reset-password.command';

/** Sets a new password with a reset token; the token is spent, and every session of the user ends. */
@Injectable()
export class ResetPasswordUseCase {
  constructor(
    private readonly resets: PasswordResetsRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly revocations: SessionRevocations,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute({ token, newPassword, client }: ResetPasswordCommand, uow: UnitOfWork): Promise<void> {
    const passwordHash = await this.hasher.hash(newPassword);
    const reset = await this.resets.claim(uow, hashOpaqueToken(token));
    if (!reset) throw IdentityError.invalidToken('reset');
    await this.users.setPasswordHash(uow, reset.accountId, reset.userId, passwordHash);
    await this.revocations.revokeUserSessions(uow, reset.accountId, reset.userId, 'password-reset');
    await this.audit.record(uow, {
      event: 'password.reset',
      accountId: reset.accountId,
      subjectId: reset.userId,
      clientIp: client.ip,
    });
  }
}
