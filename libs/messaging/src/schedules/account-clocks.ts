import { UnitOfWork } from '../unit-of-work';
import { ScheduleError, WallClock } from './scheduled-job';
import { ScheduledJobsRepository } from './scheduled-jobs.repository';

/**
 * The clock of each account: real time, or the frozen time of the test clock it lives on. Each
 * service keeps its own copy of the test clocks' times (`test_clock_times`, moved by `advance`) and
 * of which accounts live on which clock (`account_clocks`).
 */
export class AccountClocks {
  constructor(
    private readonly repository: ScheduledJobsRepository,
    private readonly clock: WallClock,
  ) {}

  /**
   * Business time for the account. An account on a test clock whose time this service has not heard
   * yet gets an `unavailable` refusal, which an event consumer retries until the clock's time arrives.
   */
  async now(uow: UnitOfWork, accountId: string): Promise<Date> {
    const clockId = await this.repository.clockOfAccount(uow, accountId);
    if (!clockId) return this.clock.now();
    const frozen = await this.repository.clockTime(uow, clockId);
    if (!frozen) {
      throw new ScheduleError(
        'CLOCK_TIME_UNKNOWN',
        `account ${accountId} lives on test clock ${clockId}, whose time this service does not know yet`,
        'unavailable',
      );
    }
    return frozen;
  }

  /**
   * The business time of an effect whose cause happened at `causeAt` (a period fell due, a payment was
   * asked for): on a test clock, the cause's own time, since frozen time passes no further while the
   * effects of one moment follow each other (a clock moved by 95 days bills each renewal on its own
   * day, however late the events are consumed); in real time, now.
   */
  async timeOfEffect(uow: UnitOfWork, accountId: string, causeAt: Date): Promise<Date> {
    const clockId = await this.repository.clockOfAccount(uow, accountId);
    return clockId ? causeAt : this.clock.now();
  }

  /** The test clock the account lives on, if any. */
  clockOf(uow: UnitOfWork, accountId: string): Promise<string | undefined> {
    return this.repository.clockOfAccount(uow, accountId);
  }

  /** The frozen time of a test clock, as this service knows it. */
  timeOf(uow: UnitOfWork, clockId: string): Promise<Date | undefined> {
    return this.repository.clockTime(uow, clockId);
  }

  /**
   * Puts the account on a test clock, for good. Its pending real-time jobs (planned before this
   * assignment arrived) move onto the clock. Repeating it is harmless; another clock is refused.
   */
  async assign(uow: UnitOfWork, accountId: string, clockId: string): Promise<void> {
    const held = await this.repository.assignClock(uow, accountId, clockId);
    if (held !== clockId) {
      throw new ScheduleError(
        'ACCOUNT_ON_OTHER_CLOCK',
        `account ${accountId} lives on test clock ${held}, not ${clockId}`,
        'conflict',
      );
    }
    await this.repository.movePendingJobsToClock(uow, accountId, clockId);
  }

  /**
   * Sets a test clock's frozen time (the first call makes the clock known here). Moving it to the
   * same time is harmless; moving it backwards is refused as `invalid`.
   */
  async advance(uow: UnitOfWork, clockId: string, frozenTime: Date): Promise<void> {
    if (Number.isNaN(frozenTime.getTime())) {
      throw new ScheduleError('INVALID_INSTANT', 'the frozen time is not a valid instant', 'invalid', [
        { field: 'frozenTime', reason: 'is not a valid instant' },
      ]);
    }
    const result = await this.repository.advanceClock(uow, clockId, frozenTime, this.clock.now());
    if (!result.moved) {
      throw new ScheduleError(
        'CLOCK_BACKWARDS',
        `test clock ${clockId} is at ${result.heldTime.toISOString()}; it cannot move back to ${frozenTime.toISOString()}`,
        'invalid',
        [{ field: 'frozenTime', reason: `is before the clock's time ${result.heldTime.toISOString()}` }],
      );
    }
  }
}
