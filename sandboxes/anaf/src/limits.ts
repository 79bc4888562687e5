import { romanianDay } from './romanian-time';

/** Calls per caller per clock minute (a fixed window, as a gateway counting per minute does). */
export class MinuteRateLimit {
  private readonly windows = new Map<string, { minute: number; count: number }>();

  /** Counts one call; false when it is over the limit. */
  take(caller: string, limit: number, now: number): boolean {
    const minute = Math.floor(now / 60_000);
    const window = this.windows.get(caller);
    if (!window || window.minute !== minute) {
      this.windows.set(caller, { minute, count: 1 });
      return 1 <= limit;
    }
    window.count += 1;
    return window.count <= limit;
  }

  clear(): void {
    this.windows.clear();
  }
}

/** Per-day counters of ANAF's method limits (section 8), by Romanian calendar day. */
export class DailyCounters {
  private readonly counts = new Map<string, number>();

  /** Counts one use of `what`; false when that makes it more than `limit` today. */
  take(what: string, limit: number, now: number): boolean {
    const key = `${romanianDay(now)} ${what}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count <= limit;
  }

  clear(): void {
    this.counts.clear();
  }
}
