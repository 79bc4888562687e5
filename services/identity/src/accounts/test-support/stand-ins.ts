import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { ThrottleRealm } from '../../auth/sign-in-throttle';
import { IdentityError } from '../../identity.errors';
import { RevocationReason } from '../../sessions/session-revocations';

/** A hasher without argon2's cost: the hash shows the password, which only a spec may do. */
export class PlainPasswordHasher {
  async hash(password: string): Promise<string> {
    return `plain:${password}`;
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    return Boolean(hash) && hash === `plain:${password}`;
  }

  needsRehash(): boolean {
    return false;
  }
}

/** The sign-in throttle over a list of failures: refuses once an address has `limit` of them. */
export class CountingSignInThrottle {
  readonly failures: { realm: ThrottleRealm; email: string; clientIp: string }[] = [];

  constructor(private readonly limit = 5) {}

  async assertAllowed(_uow: UnitOfWork, realm: ThrottleRealm, email: string): Promise<void> {
    if (this.failures.filter((f) => f.realm === realm && f.email === email).length >= this.limit) {
      throw IdentityError.throttled(60);
    }
  }

  async recordFailure(_uow: UnitOfWork, realm: ThrottleRealm, email: string, clientIp: string): Promise<void> {
    this.failures.push({ realm, email, clientIp });
  }

  async clear(_uow: UnitOfWork, realm: ThrottleRealm, email: string): Promise<void> {
    this.failures.splice(0, this.failures.length, ...this.failures.filter((f) => f.realm !== realm || f.email !== email));
  }

  /** Nothing ages here: a spec's failures stay until cleared. */
  forgetOld(): Promise<void> {
    return Promise.resolve();
  }
}

/** Session revocations as a list of what was ended and why. */
export class RecordedRevocations {
  readonly accounts: { accountId: string; reason: RevocationReason }[] = [];

  async revokeAccountSessions(_uow: UnitOfWork, accountId: string, reason: RevocationReason): Promise<void> {
    this.accounts.push({ accountId, reason });
  }
}

/** Runs each unit of work on a fresh recording one, and keeps them, as the worker's transactions. */
export class RecordingUnitOfWorkRunner {
  readonly units: RecordingUnitOfWork[] = [];

  constructor(private readonly clock?: Clock) {}

  run<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    const uow = new RecordingUnitOfWork(this.clock);
    this.units.push(uow);
    return work(uow);
  }
}
