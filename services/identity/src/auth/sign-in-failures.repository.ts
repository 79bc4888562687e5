import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';

export type ThrottleRealm = 'customer' | 'staff';

/** The limits of the sliding window: its length and how many recent failures count at most. */
export interface FailureWindow {
  seconds: number;
  perEmail: number;
  perIp: number;
}

/** Recent failures of an address and of a client, with the seconds until the oldest leaves the window. */
export interface RecentFailures {
  emailFailures: number;
  emailWait: number | null;
  ipFailures: number;
  ipWait: number | null;
}

/** Failed sign-in attempts, per e-mail address and per client address (no account: the e-mail may be unknown). */
@Injectable()
export class SignInFailuresRepository {
  async recent(
    { manager }: UnitOfWork,
    realm: ThrottleRealm,
    emailKey: string,
    clientIp: string,
    window: FailureWindow,
  ): Promise<RecentFailures | undefined> {
    const [row] = (await manager.query(
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
      [realm, emailKey, clientIp, window.seconds, window.perEmail, window.perIp],
    )) as { email_failures: number; email_wait: number | null; ip_failures: number; ip_wait: number | null }[];
    return row
      ? { emailFailures: row.email_failures, emailWait: row.email_wait, ipFailures: row.ip_failures, ipWait: row.ip_wait }
      : undefined;
  }

  async insert({ manager }: UnitOfWork, realm: ThrottleRealm, emailKey: string, clientIp: string): Promise<void> {
    await manager.query(`INSERT INTO identity.sign_in_failures (realm, email_key, client_ip) VALUES ($1, $2, $3)`, [
      realm,
      emailKey,
      clientIp,
    ]);
  }

  async deleteForEmail({ manager }: UnitOfWork, realm: ThrottleRealm, emailKey: string): Promise<void> {
    await manager.query(`DELETE FROM identity.sign_in_failures WHERE realm = $1 AND email_key = $2`, [realm, emailKey]);
  }

  async deleteOlderThan({ manager }: UnitOfWork, seconds: number): Promise<void> {
    await manager.query(`DELETE FROM identity.sign_in_failures WHERE failed_at < now() - make_interval(secs => $1)`, [seconds]);
  }
}
