import { Injectable } from '@nestjs/common';
import { SessionRevokedV1, SessionRevokedV1Data } from '@obolus/contracts';
import { OutboxWriter } from '@obolus/messaging';
import { EntityManager } from 'typeorm';
import { RevokedSession, SessionsRepository } from './sessions.repository';

export type RevocationReason = SessionRevokedV1Data['reason'];

/**
 * Ends sessions and, in the same transaction, announces each one (`session.revoked`), so every
 * service refuses its access tokens within seconds instead of when they expire. Staff sessions are
 * not announced: they have no account to key the event by, and only identity's console checks them.
 */
@Injectable()
export class SessionRevocations {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async revokeSession(manager: EntityManager, sessionId: string, reason: RevocationReason): Promise<void> {
    await this.announce(manager, await this.sessions.revokeSession(manager, sessionId, reason), reason);
  }

  /** Every session of a user of the account, but the one given. */
  async revokeUserSessions(
    manager: EntityManager,
    accountId: string,
    userId: string,
    reason: RevocationReason,
    keepSessionId?: string,
  ): Promise<void> {
    const revoked = await this.sessions.revokeUserSessions(manager, accountId, userId, reason, keepSessionId);
    await this.announce(manager, revoked, reason);
  }

  async revokeAccountSessions(manager: EntityManager, accountId: string, reason: RevocationReason): Promise<void> {
    await this.announce(manager, await this.sessions.revokeAccountSessions(manager, accountId, reason), reason);
  }

  private async announce(manager: EntityManager, revoked: RevokedSession[], reason: RevocationReason): Promise<void> {
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
    if (events.length) await this.outbox.appendMany(manager, SessionRevokedV1, events);
  }
}
