import { AuthenticatedPrincipal } from './principal';

export interface RevocationListOptions {
  /**
   * How long a revocation is remembered, in ms: at least the longest access-token lifetime plus the
   * clock tolerance, since after that every token it could refuse has expired anyway.
   */
  retainMs: number;
  /** The current time in ms; Date.now by default. */
  now?: () => number;
}

/** An access token the verifier has accepted: who it speaks for and when identity issued it. */
export interface VerifiedAccessToken {
  principal: AuthenticatedPrincipal;
  issuedAt: Date;
}

/** Entries older than the retention are swept at most this often. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The sessions and account memberships identity has ended, held in memory by every service
 * instance, so an access token stops working at once instead of when it expires. Fed from
 * identity's events (RevocationFeed); refuses nothing useful until `markCaughtUp()` says it has
 * read every revocation published before the service started.
 */
export class RevocationList {
  /** session id → when it was revoked (ms) */
  private readonly sessions = new Map<string, number>();
  /** `accountId/userId` → when the user was last removed from the account (ms) */
  private readonly removals = new Map<string, number>();
  private readonly retainMs: number;
  private readonly now: () => number;
  private caughtUp = false;
  private lastSweep: number;

  constructor(options: RevocationListOptions) {
    this.retainMs = options.retainMs;
    this.now = options.now ?? Date.now;
    this.lastSweep = this.now();
  }

  /** A list that starts complete (tests, and callers that feed it themselves). */
  static complete(options: RevocationListOptions = { retainMs: 3_600_000 }): RevocationList {
    const list = new RevocationList(options);
    list.markCaughtUp();
    return list;
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  markCaughtUp(): void {
    this.caughtUp = true;
  }

  /** Every token of the session is refused from now on. */
  revokeSession(sessionId: string, revokedAt: Date): void {
    this.remember(this.sessions, sessionId, revokedAt.getTime());
  }

  /** Tokens the user got in the account up to the removal are refused; a later membership is not. */
  removeUser(accountId: string, userId: string, removedAt: Date): void {
    this.remember(this.removals, `${accountId}/${userId}`, removedAt.getTime());
  }

  /** Why the token must be refused, or undefined when nothing revokes it. */
  refusalOf({ principal, issuedAt }: VerifiedAccessToken): string | undefined {
    this.sweepIfDue();
    if (principal.sessionId && this.live(this.sessions.get(principal.sessionId))) return 'the session has ended; sign in again';
    if (principal.kind === 'customer') {
      const removedAt = this.removals.get(`${principal.accountId}/${principal.userId}`);
      // iat has whole seconds: a token issued in the second of the removal counts as issued before it.
      if (this.live(removedAt) && Math.floor(issuedAt.getTime() / 1000) * 1000 <= removedAt)
        return 'the user no longer belongs to this account';
    }
    return undefined;
  }

  /** How many revocations are remembered. */
  get size(): number {
    return this.sessions.size + this.removals.size;
  }

  /** Forgets the revocations older than the retention. */
  sweep(): void {
    const oldest = this.now() - this.retainMs;
    for (const entries of [this.sessions, this.removals]) {
      for (const [key, at] of entries) if (at < oldest) entries.delete(key);
    }
    this.lastSweep = this.now();
  }

  private remember(entries: Map<string, number>, key: string, at: number): void {
    if (Number.isNaN(at) || at < this.now() - this.retainMs) return;
    entries.set(key, Math.max(at, entries.get(key) ?? at));
    this.sweepIfDue();
  }

  private live(at: number | undefined): at is number {
    return at !== undefined && at >= this.now() - this.retainMs;
  }

  private sweepIfDue(): void {
    if (this.now() - this.lastSweep >= SWEEP_INTERVAL_MS) this.sweep();
  }
}
