import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { hashOpaqueToken } from '../../../credentials/opaque-token';
import { SessionRevocations } from '../../../sessions/session-revocations';
import { SessionsRepository } from '../../../sessions/sessions.repository';
import { ClientInfo } from '../../../sessions/session-tokens';

/** Ends the session of a refresh token. Like OAuth token revocation (RFC 7009), an unknown token is not an error. */
@Injectable()
export class SignOutUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly revocations: SessionRevocations,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(refreshToken: string, client: ClientInfo): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await this.sessions.lockRefreshToken(manager, hashOpaqueToken(refreshToken));
      if (!token || token.sessionRevokedAt) return;
      await this.revocations.revokeSession(manager, token.sessionId, 'sign-out');
      await this.audit.record(manager, {
        event: 'sign-out',
        accountId: token.accountId,
        staffId: token.staffId,
        actorUserId: token.userId,
        subjectId: token.userId ?? token.staffId,
        clientIp: client.ip,
        details: { sessionId: token.sessionId },
      });
    });
  }
}
