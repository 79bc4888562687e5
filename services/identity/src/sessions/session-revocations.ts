import { Injectable } from '@nestjs/common';
import { SessionRevokedV1, SessionRevokedV1Data } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { RevokedSession, SessionsRepository } from './sessions.repository';

export type RevocationReason = SessionRevokedV1Data['reason'];

/**
 * Ends sessions and, in the same unit of work, announces each one (`session.revoked`), so every
 * service refuses its access tokens within seconds instead of when they expire. Staff sessions are
 * not announced: they have no account to key the event by, and only identity's console checks them.
 */
@Injectable()
export class SessionRevocations {
  constructor(private readonly sessions: SessionsRepository) {}

  async revokeSession(uow: UnitOfWork, sessionId: string, reason: RevocationReason): Promise<void> {
    await this.announce(uow, await this.sessions.revokeSession(uow, sessionId, reason), reason);
  }

  /** Every session of a user of the account, but the one given. */
  async revokeUserSessions(
    uow: UnitOfWork,
    accountId: string,
    userId: string,
    reason: RevocationReason,
    keepSessionId?: string,
  ): Promise<void> {
    const revoked = await this.sessions.revokeUserSessions(uow, accountId, userId, reason, keepSessionId);
    await this.announce(uow, revoked, reason);
  }

  async revokeAccountSessions(uow: UnitOfWork, accountId: string, reason: RevocationReason): Promise<void> {
    await this.announce(uow, await this.sessions.revokeAccountSessions(uow, accountId, reason), reason);
  }

  private async announce(uow: UnitOfWork, revoked: RevokedSession[], reason: RevocationReason): Promise<void> {
    const events = revoked.flatMap(({ sessionId, accountId, userId, revokedAt }) =>
      accountId && userId
        ? [
            {
              accountId,
              subject: userId,
              data: { sessionId, accountId, userId, revokedAt: revokedAt.toISOString(), reason },
            },
          ]
        : [],
    );
    if (events.length) await uow.emitMany(SessionRevokedV1, events);
  }
}
