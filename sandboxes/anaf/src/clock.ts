/**
 * The sandbox's time: the machine's time plus an offset that tests move forward (or set), so that
 * processing delays, 60-day retention, token lifetimes and daily limits can be crossed without waiting.
 */
export class SandboxClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The sandbox clock only moves forward.');
    this.offsetMs += ms;
    return this.now();
  }

  /** Sets the time, e.g. to follow an Obolus test clock; moving it back is allowed here on purpose. */
  set(epochMs: number): number {
    if (!Number.isFinite(epochMs)) throw new RangeError('Not a time.');
    this.offsetMs = epochMs - Date.now();
    return this.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
