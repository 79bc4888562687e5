import { JobScheduler } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { InMemoryAccountClocks, InMemoryJobScheduler } from '@obolus/testing';
import { DeadlinePlanner } from '../deadline-planner';

/** A deadline planner for use-case specs: its jobs kept in memory, every account in the clock's time. */
export function inMemoryDeadlinePlanner(clock: Clock, scheduler = new InMemoryJobScheduler()): DeadlinePlanner {
  return new DeadlinePlanner(scheduler as unknown as JobScheduler, new InMemoryAccountClocks(clock));
}
