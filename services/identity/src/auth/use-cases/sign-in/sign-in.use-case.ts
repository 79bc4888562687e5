import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AuditLogRepository } from '../../../audit/audit-log.repository';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { IdentityError } from '../../../identity.errors';
import { SessionTokens } from '../../../sessions/session-tokens';
import { UsersRepository, UserWithAccount } from '../../../users/users.repository';
import { SignInResult } from '../../dto/auth.dto';
import { SignInThrottle } from '../../sign-in-throttle';
import { SignInCommand } from './sign-in.command';

/**
 * A customer signs in. The answer to an unknown e-mail and to a wrong password is the same, and
 * takes as long (a decoy hash is verified); failures count towards the throttle of the address
 * and of the client.
 */
@Injectable()
export class SignInUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly sessionTokens: SessionTokens,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: SignInCommand, uow: UnitOfWork): Promise<SignInResult> {
    const { email, password, client } = command;
    await this.throttle.assertAllowed(uow, 'customer', email, client.ip);
    const user = await this.users.findByEmail(uow, email);
    const matches = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !matches) throw await this.refusal(uow, command, user);
    if (user.accountStatus !== 'active') throw IdentityError.accountClosed();
    if (this.hasher.needsRehash(user.passwordHash ?? ''))
      await this.users.setPasswordHash(uow, user.accountId, user.userId, await this.hasher.hash(password));
    const { sessionId, ...tokens } = await this.sessionTokens.open(
      uow,
      { kind: 'customer', userId: user.userId, accountId: user.accountId, role: user.role, email: user.email },
      client,
    );
    await this.audit.record(uow, {
      event: 'sign-in.succeeded',
      accountId: user.accountId,
      actorUserId: user.userId,
      subjectId: user.userId,
      clientIp: client.ip,
      details: { sessionId },
    });
    await this.throttle.clear(uow, 'customer', email);
    return {
      ...tokens,
      accountId: user.accountId,
      userId: user.userId,
      role: user.role,
      email: user.email,
      language: user.locale,
    };
  }

  /** Counts the failure and records it in the trail; both commit with the refusal (nothing else was written). */
  private async refusal(
    uow: UnitOfWork,
    { email, client }: SignInCommand,
    user: UserWithAccount | undefined,
  ): Promise<IdentityError> {
    await this.throttle.recordFailure(uow, 'customer', email, client.ip);
    await this.audit.record(uow, {
      event: 'sign-in.failed',
      accountId: user?.accountId ?? null,
      subjectId: user?.userId ?? null,
      clientIp: client.ip,
      details: { email: email.trim().toLowerCase(), reason: user ? 'wrong-password' : 'unknown-email' },
    });
    return IdentityError.invalidCredentials().committingWork();
  }
}
