import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { ClientInfo, SessionTokens } from '../../../sessions/session-tokens';
import { UsersRepository } from '../../../users/users.repository';
import { SignInResult } from '../../dto/auth.dto';
import { accountClosed, invalidCredentials } from '../../identity.errors';
import { SignInThrottle } from '../../sign-in-throttle';

export interface SignInCommand {
  email: string;
  password: string;
  client: ClientInfo;
}

/**
 * A customer signs in. The answer to an unknown e-mail and to a wrong password is the same, and
 * takes as long (a decoy hash is verified); failures count towards the throttle of the address
 * and of the client.
 */
@Injectable()
export class SignInUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly sessionTokens: SessionTokens,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute({ email, password, client }: SignInCommand): Promise<SignInResult> {
    await this.throttle.assertAllowed('customer', email, client.ip);
    const user = await this.users.findByEmail(this.dataSource.manager, email);
    const matches = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !matches) {
      await this.throttle.recordFailure('customer', email, client.ip);
      await this.audit.record(this.dataSource.manager, {
        event: 'sign-in.failed',
        accountId: user?.accountId ?? null,
        subjectId: user?.userId ?? null,
        clientIp: client.ip,
        details: { email: email.trim().toLowerCase(), reason: user ? 'wrong-password' : 'unknown-email' },
      });
      throw invalidCredentials();
    }
    if (user.accountStatus !== 'active') throw accountClosed();

    const rehash = this.hasher.needsRehash(user.passwordHash ?? '') ? await this.hasher.hash(password) : undefined;
    const pair = await this.dataSource.transaction(async (manager) => {
      if (rehash) await this.users.setPasswordHash(manager, user.accountId, user.userId, rehash);
      const opened = await this.sessionTokens.open(
        manager,
        { kind: 'customer', userId: user.userId, accountId: user.accountId, role: user.role, email: user.email },
        client,
      );
      await this.audit.record(manager, {
        event: 'sign-in.succeeded',
        accountId: user.accountId,
        actorUserId: user.userId,
        subjectId: user.userId,
        clientIp: client.ip,
        details: { sessionId: opened.sessionId },
      });
      return opened;
    });
    await this.throttle.clear('customer', email);
    const { sessionId: _sessionId, ...tokens } = pair;
    return { ...tokens, accountId: user.accountId, userId: user.userId, role: user.role };
  }
}
