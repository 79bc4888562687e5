import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { hashOpaqueToken } from '../../../credentials/opaque-token';
import { SessionRevocations } from '../../../sessions/session-revocations';
import { SessionsRepository } from '../../../sessions/sessions.repository';
import { SignOutCommand } from './sign-out.command';

/** Ends the session of a refresh token. Like OAuth token revocation (RFC 7009), an unknown token is not an error. */
@Injectable()
export class SignOutUseCase {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly revocations: SessionRevocations,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute({ refreshToken, client }: SignOutCommand, uow: UnitOfWork): Promise<void> {
    const token = await this.sessions.lockRefreshToken(uow, hashOpaqueToken(refreshToken));
    if (!token || token.sessionRevokedAt) return;
    await this.revocations.revokeSession(uow, token.sessionId, 'sign-out');
    await this.audit.record(uow, {
      event: 'sign-out',
      accountId: token.accountId,
      staffId: token.staffId,
      actorUserId: token.userId,
      subjectId: token.userId ?? token.staffId,
      clientIp: client.ip,
      details: { sessionId: token.sessionId },
    });
  }
}
