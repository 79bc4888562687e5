/** One call the sandbox received (controls excluded): what a test checks was, or was not, sent. */
export interface LoggedRequest {
  /** Sandbox time, ISO 8601. */
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** 0 when the connection was reset by an outage. */
  status: number;
  clientId?: string;
  bodyBytes: number;
}

export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  constructor(private readonly capacity: number) {}

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Entries whose path ends with `pathSuffix` (e.g. "/upload"), oldest first. */
  list(pathSuffix?: string): LoggedRequest[] {
    return pathSuffix ? this.entries.filter((e) => e.path.endsWith(pathSuffix)) : [...this.entries];
  }

  clear(): void {
    this.entries.length = 0;
  }
}
