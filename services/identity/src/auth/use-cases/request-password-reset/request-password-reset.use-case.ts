import { Inject, Injectable } from '@nestjs/common';
import { PasswordResetRequestedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { newOpaqueToken } from '../../../credentials/opaque-token';
import { IDENTITY_CONFIG, IdentityConfig } from '../../../identity.config';
import { UsersRepository } from '../../../users/users.repository';
import { PasswordResetsRepository } from '../../password-resets.repository';
import { RequestPasswordResetCommand } from './request-password-reset.command';

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/**
 * Forgotten password: a single-use token valid for one hour, stored hashed, sent in clear only in
 * the event notifications e-mails. The caller learns nothing: the answer is the same whether the
 * address exists or not.
 */
@Injectable()
export class RequestPasswordResetUseCase {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly clock: Clock,
    private readonly users: UsersRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute({ email, client }: RequestPasswordResetCommand, uow: UnitOfWork): Promise<void> {
    const user = await this.users.findByEmail(uow, email);
    if (!user || user.accountStatus !== 'active') return;
    const { token, hash } = newOpaqueToken();
    const expiresAt = new Date(this.clock.now().getTime() + RESET_TOKEN_TTL_MS);
    // Only the newest link works.
    await this.resets.spendAllOf(uow, user.accountId, user.userId);
    await this.resets.insert(uow, { tokenHash: hash, userId: user.userId, accountId: user.accountId, expiresAt });
    await uow.emit(PasswordResetRequestedV1, {
      accountId: user.accountId,
      subject: user.userId,
      data: {
        accountId: user.accountId,
        userId: user.userId,
        email: user.email,
        locale: user.locale,
        resetUrl: this.resetUrl(token),
        expiresAt: expiresAt.toISOString(),
      },
    });
    await this.audit.record(uow, {
      event: 'password.reset-requested',
      accountId: user.accountId,
      subjectId: user.userId,
      clientIp: client.ip,
    });
  }

  private resetUrl(token: string): string {
    const url = new URL('/reset-password', this.config.IDENTITY_APP_URL);
    url.searchParams.set('token', token);
    return url.toString();
  }
}
