import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { TestClocksRepository } from '../../test-clocks.repository';
import { InMemoryTestClocks } from '../../test-support/in-memory-test-clocks';
import { RecordTestClockReportCommand } from './record-test-clock-report.command';
import { RecordTestClockReportUseCase } from './record-test-clock-report.use-case';

describe('RecordTestClockReportUseCase', () => {
  it('drops a report on a clock that does not exist (deleted meanwhile)', async () => {
    const clocks = new InMemoryTestClocks();
    const record = new RecordTestClockReportUseCase(clocks as unknown as TestClocksRepository, new SettableClock());
    const clockId = randomUUID();
    await record.execute(
      RecordTestClockReportCommand.create({ clockId, service: 'invoicing', frozenTime: '2026-01-01T00:00:00Z' }),
      new RecordingUnitOfWork(),
    );
    expect(clocks.reportsOf.size).toBe(0);
  });

  it('refuses a report from a service that does not follow test clocks, naming the field', () => {
    expect(() =>
      RecordTestClockReportCommand.create({
        clockId: randomUUID(),
        service: 'billing' as 'payments',
        frozenTime: '2026-01-01T00:00:00Z',
      }),
    ).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'service' })] }));
  });
});
