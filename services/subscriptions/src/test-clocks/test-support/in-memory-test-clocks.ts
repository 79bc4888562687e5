import { UnitOfWork } from '@obolus/messaging';
import { TestClock } from '../test-clock';

/** TestClocksRepository without Postgres, for the use-case specs. */
export class InMemoryTestClocks {
  readonly clocks = new Map<string, TestClock>();
  readonly reportsOf = new Map<string, Map<string, Date>>();

  async insert(_uow: UnitOfWork, clock: TestClock): Promise<void> {
    this.clocks.set(clock.id, { ...clock });
  }

  async find(_uow: UnitOfWork, id: string): Promise<TestClock | undefined> {
    const clock = this.clocks.get(id);
    return clock ? { ...clock } : undefined;
  }

  async moveTo(_uow: UnitOfWork, id: string, frozenTime: Date, at: Date): Promise<void> {
    const clock = this.clocks.get(id);
    if (clock) Object.assign(clock, { frozenTime, updatedAt: at });
  }

  async delete(_uow: UnitOfWork, id: string): Promise<boolean> {
    this.reportsOf.delete(id);
    return this.clocks.delete(id);
  }

  async reports(_uow: UnitOfWork, clockId: string): Promise<Map<string, Date>> {
    return new Map(this.reportsOf.get(clockId) ?? []);
  }

  async recordReport(_uow: UnitOfWork, report: { clockId: string; service: string; frozenTime: Date }): Promise<void> {
    if (!this.clocks.has(report.clockId)) return;
    const reports = this.reportsOf.get(report.clockId) ?? new Map<string, Date>();
    const held = reports.get(report.service);
    if (!held || held < report.frozenTime) reports.set(report.service, report.frozenTime);
    this.reportsOf.set(report.clockId, reports);
  }
}
