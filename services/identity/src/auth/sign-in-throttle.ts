import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@obolus/platform';
import { DataSource } from 'typeorm';
import { IDENTITY_CONFIG, IdentityConfig } from '../identity.config';
import { ThrottledError } from './identity.errors';

export type ThrottleRealm = 'customer' | 'staff';

/**
 * Brute-force protection in Postgres: failed attempts are counted per e-mail address and per client
 * address over a sliding window. Past either limit every attempt is refused with 429, right or wrong
 * password, unknown e-mail or not, until the oldest failure leaves the window.
 */
@Injectable()
export class SignInThrottle {
  private readonly windowSeconds: number;
  private readonly perEmail: number;
  private readonly perIp: number;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) config: IdentityConfig,
  ) {
    this.windowSeconds = config.IDENTITY_SIGNIN_WINDOW_SECONDS;
    this.perEmail = config.IDENTITY_SIGNIN_MAX_FAILURES_PER_EMAIL;
    this.perIp = config.IDENTITY_SIGNIN_MAX_FAILURES_PER_IP;
  }

  async assertAllowed(realm: ThrottleRealm, email: string, clientIp: string): Promise<void> {
    const [row] = (await this.dataSource.query(
      `WITH by_email AS (
         SELECT count(*)::int AS n, min(failed_at) AS oldest FROM (
           SELECT failed_at FROM identity.sign_in_failures
            WHERE realm = $1 AND email_key = $2 AND failed_at > now() - make_interval(secs => $4)
            ORDER BY failed_at DESC LIMIT $5) recent),
       by_ip AS (
         SELECT count(*)::int AS n, min(failed_at) AS oldest FROM (
           SELECT failed_at FROM identity.sign_in_failures
            WHERE client_ip = $3 AND failed_at > now() - make_interval(secs => $4)
            ORDER BY failed_at DESC LIMIT $6) recent)
       SELECT by_email.n AS email_failures,
              ceil(extract(epoch FROM by_email.oldest + make_interval(secs => $4) - now()))::int AS email_wait,
              by_ip.n AS ip_failures,
              ceil(extract(epoch FROM by_ip.oldest + make_interval(secs => $4) - now()))::int AS ip_wait
         FROM by_email, by_ip`,
      [realm, emailKey(email), clientIp, this.windowSeconds, this.perEmail, this.perIp],
    )) as { email_failures: number; email_wait: number | null; ip_failures: number; ip_wait: number | null }[];
    if (!row) return;
    const waits: number[] = [];
    if (row.email_failures >= this.perEmail) waits.push(row.email_wait ?? this.windowSeconds);
    if (row.ip_failures >= this.perIp) waits.push(row.ip_wait ?? this.windowSeconds);
    if (waits.length) throw new ThrottledError(Math.max(1, ...waits));
  }

  async recordFailure(realm: ThrottleRealm, email: string, clientIp: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO identity.sign_in_failures (realm, email_key, client_ip) VALUES ($1, $2, $3)`, [
      realm,
      emailKey(email),
      clientIp,
    ]);
  }

  /** A successful sign-in forgives the address's earlier failures (not the client's). */
  async clear(realm: ThrottleRealm, email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM identity.sign_in_failures WHERE realm = $1 AND email_key = $2`, [
      realm,
      emailKey(email),
    ]);
  }

  /** Rows older than the window count for nothing. */
  async forgetOld(): Promise<void> {
    await this.dataSource.query(`DELETE FROM identity.sign_in_failures WHERE failed_at < now() - make_interval(secs => $1)`, [
      this.windowSeconds,
    ]);
  }
}

const emailKey = (email: string): string => email.trim().toLowerCase();
