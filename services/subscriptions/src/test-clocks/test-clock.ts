import { TEST_CLOCK_FOLLOWERS } from '@obolus/contracts';

export interface TestClock {
  id: string;
  name: string;
  frozenTime: Date;
  createdAt: Date;
  updatedAt: Date;
}

export type TestClockStatus = 'advancing' | 'ready';

/** What the API answers for a clock. */
export interface TestClockView {
  id: string;
  name: string;
  frozenTime: string;
  status: TestClockStatus;
}

/**
 * Ready when every service has reported that it ran the work due on the clock by its current frozen
 * time (a report for an earlier time does not count).
 */
export function viewOf(clock: TestClock, reports: ReadonlyMap<string, Date>): TestClockView {
  const ready = TEST_CLOCK_FOLLOWERS.every((service) => reports.get(service)?.getTime() === clock.frozenTime.getTime());
  return { id: clock.id, name: clock.name, frozenTime: clock.frozenTime.toISOString(), status: ready ? 'ready' : 'advancing' };
}
