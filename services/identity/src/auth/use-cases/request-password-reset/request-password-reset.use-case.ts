import { Inject, Injectable } from '@nestjs/common';
import { PasswordResetRequestedV1 } from '@obolus/contracts';
import { OutboxWriter } from '@obolus/messaging';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { newOpaqueToken } from '../../../credentials/opaque-token';
import { IDENTITY_CONFIG, IdentityConfig } from '../../../identity.config';
import { ClientInfo } from '../../../sessions/session-tokens';
import { UsersRepository } from '../../../users/users.repository';
import { PasswordResetsRepository } from '../../password-resets.repository';

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/**
 * Forgotten password: a single-use token valid for one hour, stored hashed, sent in clear only in
 * the event notifications e-mails. The caller learns nothing: the answer is the same whether the
 * address exists or not.
 */
@Injectable()
export class RequestPasswordResetUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly users: UsersRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(email: string, client: ClientInfo): Promise<void> {
    const user = await this.users.findByEmail(this.dataSource.manager, email);
    if (!user || user.accountStatus !== 'active') return;
    const { token, hash } = newOpaqueToken();
    const expiresAt = new Date(Date.now() + RESET_TOKEN_TTL_MS);
    const resetUrl = new URL('/reset-password', this.config.IDENTITY_APP_URL);
    resetUrl.searchParams.set('token', token);
    await this.dataSource.transaction(async (manager) => {
      // Only the newest link works.
      await this.resets.spendAllOf(manager, user.accountId, user.userId);
      await this.resets.insert(manager, { tokenHash: hash, userId: user.userId, accountId: user.accountId, expiresAt });
      await this.outbox.append(manager, PasswordResetRequestedV1, {
        accountId: user.accountId,
        subject: user.userId,
        data: {
          accountId: user.accountId,
          userId: user.userId,
          email: user.email,
          locale: user.locale,
          resetUrl: resetUrl.toString(),
          expiresAt: expiresAt.toISOString(),
        },
      });
      await this.audit.record(manager, {
        event: 'password.reset-requested',
        accountId: user.accountId,
        subjectId: user.userId,
        clientIp: client.ip,
      });
    });
  }
}
