import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { IDENTITY_CONFIG, IdentityConfig } from '../identity.config';
import { IdentityError } from '../identity.errors';
import { FailureWindow, SignInFailuresRepository, ThrottleRealm } from './sign-in-failures.repository';

export type { ThrottleRealm };

/**
 * Brute-force protection in Postgres: failed attempts are counted per e-mail address and per client
 * address over a sliding window. Past either limit every attempt is refused with 429, right or wrong
 * password, unknown e-mail or not, until the oldest failure leaves the window.
 *
 * It works in the caller's unit of work. A failure must count although the attempt is refused, so the
 * caller refuses with `committingWork()`: the failure commits, then the refusal is answered, on the one
 * connection the request already holds.
 */
@Injectable()
export class SignInThrottle {
  private readonly window: FailureWindow;

  constructor(
    private readonly failures: SignInFailuresRepository,
    @Inject(IDENTITY_CONFIG) config: IdentityConfig,
  ) {
    this.window = {
      seconds: config.IDENTITY_SIGNIN_WINDOW_SECONDS,
      perEmail: config.IDENTITY_SIGNIN_MAX_FAILURES_PER_EMAIL,
      perIp: config.IDENTITY_SIGNIN_MAX_FAILURES_PER_IP,
    };
  }

  async assertAllowed(uow: UnitOfWork, realm: ThrottleRealm, email: string, clientIp: string): Promise<void> {
    const recent = await this.failures.recent(uow, realm, emailKey(email), clientIp, this.window);
    if (!recent) return;
    const waits: number[] = [];
    if (recent.emailFailures >= this.window.perEmail) waits.push(recent.emailWait ?? this.window.seconds);
    if (recent.ipFailures >= this.window.perIp) waits.push(recent.ipWait ?? this.window.seconds);
    if (waits.length) throw IdentityError.throttled(Math.max(1, ...waits));
  }

  recordFailure(uow: UnitOfWork, realm: ThrottleRealm, email: string, clientIp: string): Promise<void> {
    return this.failures.insert(uow, realm, emailKey(email), clientIp);
  }

  /** A successful sign-in forgives the address's earlier failures (not the client's). */
  clear(uow: UnitOfWork, realm: ThrottleRealm, email: string): Promise<void> {
    return this.failures.deleteForEmail(uow, realm, emailKey(email));
  }

  /** Rows older than the window count for nothing. */
  forgetOld(uow: UnitOfWork): Promise<void> {
    return this.failures.deleteOlderThan(uow, this.window.seconds);
  }
}

const emailKey = (email: string): string => email.trim().toLowerCase();
