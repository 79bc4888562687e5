/** How the sandbox is down: connections reset, 503 answers, or the port closed (connection refused). */
export type OutageMode = 'reset' | '503' | 'refuse';

export interface Outage {
  mode: OutageMode;
  /** Sandbox time it ends at; undefined: until a test ends it. */
  until?: number;
}

/** What the test asked the next calls to suffer; checked before any route runs. */
export class Faults {
  latencyMs = 0;
  private failuresLeft = 0;
  /** The path the counted failures are for (ending with it, e.g. `/upload`); any path when unset. */
  private failingPath?: string;
  private failingUntil = 0;
  private outage?: Outage;

  failNext(count: number, path?: string): void {
    this.failuresLeft = count;
    this.failingPath = path;
  }

  failUntil(until: number): void {
    this.failingUntil = until;
  }

  stopFailing(): void {
    this.failuresLeft = 0;
    this.failingPath = undefined;
    this.failingUntil = 0;
  }

  /** Whether this call (to `path`) answers 500; counts it against `failNext`. */
  takeFailure(now: number, path = ''): boolean {
    if (now < this.failingUntil) return true;
    if (this.failuresLeft > 0 && (this.failingPath === undefined || path.endsWith(this.failingPath))) {
      this.failuresLeft -= 1;
      return true;
    }
    return false;
  }

  goDown(outage: Outage): void {
    this.outage = outage;
  }

  comeUp(): void {
    this.outage = undefined;
  }

  /** The outage in force at `now`, if any. */
  down(now: number): Outage | undefined {
    if (this.outage?.until !== undefined && this.outage.until <= now) this.outage = undefined;
    return this.outage;
  }

  state(now: number): { latencyMs: number; failuresLeft: number; failingUntil?: number; outage?: Outage } {
    return {
      latencyMs: this.latencyMs,
      failuresLeft: this.failuresLeft,
      ...(this.failingUntil > now ? { failingUntil: this.failingUntil } : {}),
      ...(this.down(now) ? { outage: this.outage } : {}),
    };
  }

  clear(): void {
    this.latencyMs = 0;
    this.stopFailing();
    this.outage = undefined;
  }
}
