import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { FailureWindow, RecentFailures, SignInFailuresRepository, ThrottleRealm } from '../sign-in-failures.repository';

interface FailureRow {
  realm: ThrottleRealm;
  emailKey: string;
  clientIp: string;
  failedAt: Date;
}

/** Failed sign-ins in memory, counted over the window as the SQL does, for use-case specs. */
export class InMemorySignInFailures implements Pick<SignInFailuresRepository, keyof SignInFailuresRepository> {
  rows: FailureRow[] = [];

  constructor(private readonly clock: Clock) {}

  async recent(
    _uow: UnitOfWork,
    realm: ThrottleRealm,
    emailKey: string,
    clientIp: string,
    window: FailureWindow,
  ): Promise<RecentFailures> {
    const email = this.newest((r) => r.realm === realm && r.emailKey === emailKey, window, window.perEmail);
    const ip = this.newest((r) => r.clientIp === clientIp, window, window.perIp);
    return {
      emailFailures: email.length,
      emailWait: this.wait(email, window),
      ipFailures: ip.length,
      ipWait: this.wait(ip, window),
    };
  }

  async insert(_uow: UnitOfWork, realm: ThrottleRealm, emailKey: string, clientIp: string): Promise<void> {
    this.rows.push({ realm, emailKey, clientIp, failedAt: this.clock.now() });
  }

  async deleteForEmail(_uow: UnitOfWork, realm: ThrottleRealm, emailKey: string): Promise<void> {
    this.rows = this.rows.filter((r) => r.realm !== realm || r.emailKey !== emailKey);
  }

  async deleteOlderThan(_uow: UnitOfWork, seconds: number): Promise<void> {
    const since = this.clock.now().getTime() - seconds * 1000;
    this.rows = this.rows.filter((r) => r.failedAt.getTime() >= since);
  }

  private newest(matches: (row: FailureRow) => boolean, window: FailureWindow, limit: number): FailureRow[] {
    const since = this.clock.now().getTime() - window.seconds * 1000;
    return this.rows
      .filter((r) => matches(r) && r.failedAt.getTime() > since)
      .sort((a, b) => b.failedAt.getTime() - a.failedAt.getTime())
      .slice(0, limit);
  }

  private wait(rows: FailureRow[], window: FailureWindow): number | null {
    const oldest = rows.at(-1);
    return oldest ? Math.ceil((oldest.failedAt.getTime() + window.seconds * 1000 - this.clock.now().getTime()) / 1000) : null;
  }
}
