import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { TestClock } from './test-clock';

interface ClockRow {
  id: string;
  name: string;
  frozen_time: Date;
  created_at: Date;
  updated_at: Date;
}

const toClock = (row: ClockRow): TestClock => ({
  id: row.id,
  name: row.name,
  frozenTime: new Date(row.frozen_time),
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

/** Test clocks and the services' reports on them. Clocks belong to no account: the API is staff or test-only. */
@Injectable()
export class TestClocksRepository {
  async insert(uow: UnitOfWork, clock: TestClock): Promise<void> {
    await uow.manager.query(
      `INSERT INTO subscriptions.test_clocks (id, name, frozen_time, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)`,
      [clock.id, clock.name, clock.frozenTime, clock.createdAt, clock.updatedAt],
    );
  }

  /** The clock, locked for update when `lock` (an advance). */
  async find(uow: UnitOfWork, id: string, lock = false): Promise<TestClock | undefined> {
    const rows: ClockRow[] = await uow.manager.query(
      `SELECT id, name, frozen_time, created_at, updated_at FROM subscriptions.test_clocks WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toClock(rows[0]) : undefined;
  }

  async moveTo(uow: UnitOfWork, id: string, frozenTime: Date, at: Date): Promise<void> {
    await uow.manager.query(
      `WITH moved AS (UPDATE subscriptions.test_clocks SET frozen_time = $2, updated_at = $3 WHERE id = $1 RETURNING id)
       SELECT id FROM moved`,
      [id, frozenTime, at],
    );
  }

  /** Deletes the clock and its reports. True when there was one. */
  async delete(uow: UnitOfWork, id: string): Promise<boolean> {
    const rows: unknown[] = await uow.manager.query(
      `WITH gone AS (DELETE FROM subscriptions.test_clocks WHERE id = $1 RETURNING id) SELECT id FROM gone`,
      [id],
    );
    return rows.length > 0;
  }

  /** The latest frozen time each service reported for the clock. */
  async reports(uow: UnitOfWork, clockId: string): Promise<Map<string, Date>> {
    const rows: { service: string; frozen_time: Date }[] = await uow.manager.query(
      `SELECT service, frozen_time FROM subscriptions.test_clock_reports WHERE clock_id = $1`,
      [clockId],
    );
    return new Map(rows.map((row) => [row.service, new Date(row.frozen_time)]));
  }

  /** Keeps the latest time a service caught up to; a report on a deleted clock is dropped. */
  async recordReport(uow: UnitOfWork, report: { clockId: string; service: string; frozenTime: Date; at: Date }): Promise<void> {
    await uow.manager.query(
      `INSERT INTO subscriptions.test_clock_reports AS r (clock_id, service, frozen_time, reported_at)
       SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM subscriptions.test_clocks WHERE id = $1)
       ON CONFLICT (clock_id, service) DO UPDATE
          SET frozen_time = GREATEST(r.frozen_time, EXCLUDED.frozen_time), reported_at = EXCLUDED.reported_at`,
      [report.clockId, report.service, report.frozenTime, report.at],
    );
  }
}
