import { AccountClocks, ScheduledJobsRepository } from '@obolus/messaging';
import { Clock } from '@obolus/platform';

/**
 * `AccountClocks` for unit specs, without a database: accounts live in real time (the given clock),
 * except those put on a test clock with `onTestClock`, whose time is the one given there.
 */
export class InMemoryAccountClocks extends AccountClocks {
  private readonly accountClock = new Map<string, string>();
  private readonly times = new Map<string, Date>();

  constructor(clock: Clock) {
    const repository = {
      clockOfAccount: async (_uow: unknown, accountId: string) => this.accountClock.get(accountId),
      clockTime: async (_uow: unknown, clockId: string) => this.times.get(clockId),
    };
    super(repository as unknown as ScheduledJobsRepository, clock);
  }

  /** Puts an account on a test clock frozen at `time`. */
  onTestClock(accountId: string, clockId: string, time: Date): this {
    this.accountClock.set(accountId, clockId);
    this.times.set(clockId, time);
    return this;
  }
}
